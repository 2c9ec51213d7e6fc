namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>A message as a test peer received it.</summary>
public sealed record RawMessage(string Command, byte[] Payload);
