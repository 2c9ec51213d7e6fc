namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>
/// Reads and writes version payloads as 0.15 does: always all fields out, and on the way in only the fields
/// present, with the user agent limited to 256 bytes and version 10300 read as 300.
/// </summary>
public static class VersionMessageCodec
{
    public static byte[] Write(VersionMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new PayloadWriter()
            .WriteInt32(message.Version)
            .WriteUInt64((ulong)message.Services)
            .WriteInt64(message.Timestamp);
        message.Receiver.Write(writer);
        (message.Sender ?? WireAddress.None(message.Services)).Write(writer);
        writer.WriteUInt64(message.Nonce)
            .WriteString(message.UserAgent)
            .WriteInt32(message.StartHeight)
            .WriteBool(message.Relay);
        return writer.ToArray();
    }

    public static VersionMessage Read(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var version = reader.ReadInt32();
        var services = (ServiceFlags)reader.ReadUInt64();
        var timestamp = reader.ReadInt64();
        var receiver = WireAddress.Read(ref reader);
        if (version == 10300)
        {
            version = 300;
        }

        var message = new VersionMessage { Version = version, Services = services, Timestamp = timestamp, Receiver = receiver };
        if (reader.IsEmpty)
        {
            return message;
        }

        message = message with { Sender = WireAddress.Read(ref reader), Nonce = reader.ReadUInt64() };
        if (!reader.IsEmpty)
        {
            message = message with { UserAgent = reader.ReadLimitedString(WireLimits.MaxSubversionLength) };
        }

        if (!reader.IsEmpty)
        {
            message = message with { StartHeight = reader.ReadInt32() };
        }

        if (!reader.IsEmpty)
        {
            message = message with { Relay = reader.ReadBool() };
        }

        return message;
    }
}
