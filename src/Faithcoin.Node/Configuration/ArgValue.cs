namespace Faithcoin.Node.Configuration;

/// <summary>One raw setting as written, with its origin.</summary>
public sealed record ArgValue(string Name, string Value, ArgSource Source);
