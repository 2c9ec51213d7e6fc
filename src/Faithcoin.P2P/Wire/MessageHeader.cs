using System.Buffers.Binary;
using System.Text;

namespace Faithcoin.P2P.Wire;

/// <summary>
/// The 24-byte message header: message start, NUL-padded command, little-endian payload length and checksum.
/// The four message-start bytes are kept as read, little-endian, to compare with <c>ChainParams.Magic</c>.
/// </summary>
public readonly struct MessageHeader
{
    public const int Size = 24;
    public const int CommandSize = 12;

    private const int CommandOffset = 4;
    private const int LengthOffset = 16;
    private const int ChecksumOffset = 20;

    private readonly byte[] command;

    private MessageHeader(uint magic, byte[] command, uint payloadLength, uint checksum)
    {
        Magic = magic;
        this.command = command;
        PayloadLength = payloadLength;
        Checksum = checksum;
    }

    public uint Magic { get; }

    public uint PayloadLength { get; }

    public uint Checksum { get; }

    /// <summary>The command up to its first NUL, as 0.15's GetCommand returns it (possibly with junk characters).</summary>
    public string Command
    {
        get
        {
            var raw = command.AsSpan();
            var end = raw.IndexOf((byte)0);
            return Encoding.Latin1.GetString(end < 0 ? raw : raw[..end]);
        }
    }

    /// <summary>
    /// The command check of 0.15's CMessageHeader::IsValid: printable ASCII, and only NULs after the first NUL.
    /// </summary>
    public bool HasValidCommand
    {
        get
        {
            var seenNul = false;
            foreach (var c in command)
            {
                if (seenNul)
                {
                    if (c != 0)
                    {
                        return false;
                    }
                }
                else if (c == 0)
                {
                    seenNul = true;
                }
                else if (c < (byte)' ' || c > 0x7e)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public static MessageHeader Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size)
        {
            throw new ArgumentException("A message header is 24 bytes.", nameof(bytes));
        }

        return new MessageHeader(
            BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            bytes.Slice(CommandOffset, CommandSize).ToArray(),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[LengthOffset..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[ChecksumOffset..]));
    }

    /// <summary>Writes a header for <paramref name="commandName"/> (at most 12 ASCII characters).</summary>
    public static void Write(Span<byte> destination, uint magic, string commandName, uint payloadLength, uint checksum)
    {
        ArgumentNullException.ThrowIfNull(commandName);
        if (destination.Length < Size)
        {
            throw new ArgumentException("A message header is 24 bytes.", nameof(destination));
        }

        if (commandName.Length > CommandSize)
        {
            throw new ArgumentException("A command has at most 12 characters.", nameof(commandName));
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, magic);
        var commandBytes = destination.Slice(CommandOffset, CommandSize);
        commandBytes.Clear();
        Encoding.ASCII.GetBytes(commandName, commandBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[LengthOffset..], payloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[ChecksumOffset..], checksum);
    }
}
