using System.Buffers;
using NBitcoin;

namespace Faithcoin.Node.Storage;

/// <summary>
/// A subset of Core's script compression: P2PKH (type 0), P2SH (type 1) and pay-to-compressed-pubkey (types 2, 3)
/// are stored as their 20 or 32 payload bytes; anything else as VARINT(length + 6) and the raw script. Core's types
/// 4 and 5 (uncompressed public keys) are never written, because rebuilding them needs an EC point decompression
/// on every read; they fall back to the raw form, so the format stays deterministic.
/// </summary>
public static class ScriptCompression
{
    private const int SpecialTypes = 6;
    private const byte OpDup = 0x76;
    private const byte OpHash160 = 0xa9;
    private const byte OpEqualVerify = 0x88;
    private const byte OpEqual = 0x87;
    private const byte OpCheckSig = 0xac;

    public static void Write(IBufferWriter<byte> writer, Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var bytes = script.ToBytes(true);
        if (bytes.Length == 25 && bytes[0] == OpDup && bytes[1] == OpHash160 && bytes[2] == 20 &&
            bytes[23] == OpEqualVerify && bytes[24] == OpCheckSig)
        {
            StorageEncoding.WriteByte(writer, 0);
            StorageEncoding.WriteBytes(writer, bytes.AsSpan(3, 20));
        }
        else if (bytes.Length == 23 && bytes[0] == OpHash160 && bytes[1] == 20 && bytes[22] == OpEqual)
        {
            StorageEncoding.WriteByte(writer, 1);
            StorageEncoding.WriteBytes(writer, bytes.AsSpan(2, 20));
        }
        else if (bytes.Length == 35 && bytes[0] == 33 && (bytes[1] == 2 || bytes[1] == 3) && bytes[34] == OpCheckSig)
        {
            StorageEncoding.WriteByte(writer, bytes[1]);
            StorageEncoding.WriteBytes(writer, bytes.AsSpan(2, 32));
        }
        else
        {
            StorageEncoding.WriteVarInt(writer, (ulong)bytes.Length + SpecialTypes);
            StorageEncoding.WriteBytes(writer, bytes);
        }
    }

    public static Script Read(ref StorageReader reader)
    {
        var type = reader.ReadVarInt();
        byte[] bytes;
        switch (type)
        {
            case 0:
                bytes = new byte[25];
                bytes[0] = OpDup;
                bytes[1] = OpHash160;
                bytes[2] = 20;
                reader.Take(20).CopyTo(bytes.AsSpan(3));
                bytes[23] = OpEqualVerify;
                bytes[24] = OpCheckSig;
                break;
            case 1:
                bytes = new byte[23];
                bytes[0] = OpHash160;
                bytes[1] = 20;
                reader.Take(20).CopyTo(bytes.AsSpan(2));
                bytes[22] = OpEqual;
                break;
            case 2 or 3:
                bytes = new byte[35];
                bytes[0] = 33;
                bytes[1] = (byte)type;
                reader.Take(32).CopyTo(bytes.AsSpan(2));
                bytes[34] = OpCheckSig;
                break;
            case < SpecialTypes:
                throw new FormatException($"Script compression type {type} is not used by this format.");
            default:
                var length = type - SpecialTypes;
                if (length > (ulong)reader.Remaining)
                {
                    throw new FormatException("Script longer than the record.");
                }

                bytes = reader.Take((int)length).ToArray();
                break;
        }

        return Script.FromBytesUnsafe(bytes);
    }
}
