namespace Faithcoin.Node.Configuration;

/// <summary>A wallet, ZMQ or GUI option that was set, and why faithcoind ignores it.</summary>
public sealed record IgnoredOption(ArgValue Option, string Reason);
