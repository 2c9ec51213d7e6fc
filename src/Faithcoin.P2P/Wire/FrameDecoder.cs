using System.Buffers;
using System.Globalization;

namespace Faithcoin.P2P.Wire;

/// <summary>
/// Cuts a byte stream into messages. The length in a header is checked before any payload is buffered or
/// allocated, so a peer announcing 4 GB costs nothing but the 24 header bytes.
/// </summary>
/// <remarks>
/// 0.15 reads a message with a wrong message start whole before dropping the peer; this decoder drops it as
/// soon as the header is in, which has the same outcome without waiting for the payload.
/// </remarks>
public sealed class FrameDecoder
{
    private readonly uint magic;
    private readonly uint maxPayload;

    public FrameDecoder(uint magic, uint maxPayload = WireLimits.MaxProtocolMessageLength)
    {
        this.magic = magic;
        this.maxPayload = Math.Min(maxPayload, WireLimits.MaxSize);
    }

    /// <summary>
    /// Decodes at most one message from the start of <paramref name="buffer"/>, which on return is the part not
    /// consumed. <paramref name="problem"/> tells why a message was skipped or the stream is fatal.
    /// </summary>
    public FrameStatus TryDecode(ref ReadOnlySequence<byte> buffer, out NetFrame? frame, out string? problem)
    {
        frame = null;
        problem = null;
        if (buffer.Length < MessageHeader.Size)
        {
            return FrameStatus.NeedMoreData;
        }

        Span<byte> headerBytes = stackalloc byte[MessageHeader.Size];
        buffer.Slice(0, MessageHeader.Size).CopyTo(headerBytes);
        var header = MessageHeader.Read(headerBytes);
        if (header.Magic != magic)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"PROCESSMESSAGE: INVALID MESSAGESTART {Sanitize(header.Command)}");
            return FrameStatus.Fatal;
        }

        if (header.PayloadLength > maxPayload)
        {
            problem = string.Create(
                CultureInfo.InvariantCulture,
                $"Oversized message ({Sanitize(header.Command)}, {header.PayloadLength} bytes), disconnecting");
            return FrameStatus.Fatal;
        }

        var total = MessageHeader.Size + (long)header.PayloadLength;
        if (buffer.Length < total)
        {
            return FrameStatus.NeedMoreData;
        }

        var payloadSequence = buffer.Slice(MessageHeader.Size, header.PayloadLength);
        buffer = buffer.Slice(total);
        if (!header.HasValidCommand)
        {
            problem = $"PROCESSMESSAGE: ERRORS IN HEADER {Sanitize(header.Command)}";
            return FrameStatus.Skipped;
        }

        var payload = payloadSequence.ToArray();
        var checksum = MessageChecksum.Compute(payload);
        if (checksum != header.Checksum)
        {
            problem = string.Create(
                CultureInfo.InvariantCulture,
                $"ProcessMessages({header.Command}, {payload.Length} bytes): CHECKSUM ERROR expected {checksum:x8} was {header.Checksum:x8}");
            return FrameStatus.Skipped;
        }

        frame = new NetFrame(header.Command, payload);
        return FrameStatus.Frame;
    }

    /// <summary>SanitizeString: keep log lines printable whatever a peer put in its command.</summary>
    internal static string Sanitize(string text)
    {
        const string safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;-_/:?@()";
        return string.Concat(text.Where(c => safe.Contains(c, StringComparison.Ordinal)));
    }
}
