namespace Faithcoin.P2P.Wire;

/// <summary>Builds complete wire messages (header + payload) for one network's message start.</summary>
public sealed class MessageFramer
{
    private readonly uint magic;

    public MessageFramer(uint magic)
    {
        this.magic = magic;
    }

    public byte[] Frame(string command, ReadOnlySpan<byte> payload)
    {
        var message = new byte[MessageHeader.Size + payload.Length];
        MessageHeader.Write(message, magic, command, (uint)payload.Length, MessageChecksum.Compute(payload));
        payload.CopyTo(message.AsSpan(MessageHeader.Size));
        return message;
    }
}
