namespace Faithcoin.Node.Metrics;

/// <summary>The answer of /readyz: whether the node should get traffic now and, in a few words, why.</summary>
public sealed record Readiness(bool IsReady, string Reason);
