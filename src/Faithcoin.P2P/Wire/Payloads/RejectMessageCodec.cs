using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>Reads and writes reject payloads with 0.15's limits (12-character command, 111-character reason).</summary>
public static class RejectMessageCodec
{
    public static byte[] Write(RejectMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reason = message.Reason.Length > WireLimits.MaxRejectMessageLength
            ? message.Reason[..WireLimits.MaxRejectMessageLength]
            : message.Reason;
        var writer = new PayloadWriter()
            .WriteString(message.Command)
            .WriteByte((byte)message.Code)
            .WriteString(reason);
        if (message.Hash is not null)
        {
            writer.WriteBytes(message.Hash.ToBytes());
        }

        return writer.ToArray();
    }

    public static RejectMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var command = reader.ReadLimitedString(MessageHeader.CommandSize);
        var code = (RejectCode)reader.ReadByte();
        var reason = reader.ReadLimitedString(WireLimits.MaxRejectMessageLength);
        uint256? hash = null;
        if (command is NetCommands.Block or NetCommands.Tx && reader.Remaining >= 32)
        {
            hash = new uint256(reader.ReadBytes(32));
        }

        return new RejectMessage(command, code, reason, hash);
    }
}
