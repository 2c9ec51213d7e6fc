using Faithcoin.P2P.Wire;
using Faithcoin.P2P.Wire.Payloads;
using NBitcoin;

namespace Faithcoin.P2P.Protocol.Compact;

/// <summary>
/// COMPACTSIZE fields inside NBitcoin streams, read as 0.15's ReadCompactSize does (canonical encodings only,
/// nothing over MAX_SIZE), which NBitcoin's VarInt does not check.
/// </summary>
public static class CompactSizeField
{
    public static ulong Read(BitcoinStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte first = 0;
        stream.ReadWrite(ref first);
        ulong value;
        switch (first)
        {
            case < 253:
                return first;
            case 253:
                ushort u16 = 0;
                stream.ReadWrite(ref u16);
                value = u16;
                Canonical(value >= 253);
                break;
            case 254:
                uint u32 = 0;
                stream.ReadWrite(ref u32);
                value = u32;
                Canonical(value >= 0x10000);
                break;
            default:
                ulong u64 = 0;
                stream.ReadWrite(ref u64);
                value = u64;
                Canonical(value >= 0x100000000UL);
                break;
        }

        if (value > WireLimits.MaxSize)
        {
            throw new MalformedPayloadException("ReadCompactSize(): size too large");
        }

        return value;
    }

    public static void Write(BitcoinStream stream, ulong value)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new PayloadWriter().WriteCompactSize(value).ToArray();
        stream.ReadWrite(bytes);
    }

    private static void Canonical(bool ok)
    {
        if (!ok)
        {
            throw new MalformedPayloadException("non-canonical ReadCompactSize()");
        }
    }
}
