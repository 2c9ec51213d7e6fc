namespace Faithcoin.P2P.Wire;

/// <summary>One complete message off the wire whose header and checksum were good: command and payload.</summary>
public sealed record NetFrame(string Command, byte[] Payload)
{
    /// <summary>Bytes the message took on the wire, header included (0.15 counts these against the receive buffer).</summary>
    public int WireSize => MessageHeader.Size + Payload.Length;
}
