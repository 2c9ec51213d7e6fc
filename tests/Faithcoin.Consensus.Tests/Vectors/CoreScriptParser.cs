using System.Globalization;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>
/// Reads the script notation of Core's test vectors (ParseScript in core_read.cpp): decimal numbers, 0x raw
/// bytes, 'quoted' pushes and opcode names with or without the OP_ prefix.
/// </summary>
internal static class CoreScriptParser
{
    private static readonly Dictionary<string, byte> OpcodeNames = BuildNames();

    public static Script Parse(string text) => Script.FromBytesUnsafe(ParseBytes(text));

    public static byte[] ParseBytes(string text)
    {
        var result = new List<byte>();
        foreach (var word in text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsNumber(word))
            {
                PushNumber(result, long.Parse(word, CultureInfo.InvariantCulture));
            }
            else if (word.StartsWith("0x", StringComparison.Ordinal) && word.Length > 2 && word.Length % 2 == 0)
            {
                result.AddRange(Convert.FromHexString(word[2..]));
            }
            else if (word.Length >= 2 && word[0] == '\'' && word[^1] == '\'')
            {
                PushData(result, System.Text.Encoding.ASCII.GetBytes(word[1..^1]));
            }
            else if (OpcodeNames.TryGetValue(word, out var opcode))
            {
                result.Add(opcode);
            }
            else
            {
                throw new FormatException($"script parse error at '{word}'");
            }
        }

        return [.. result];
    }

    private static bool IsNumber(string word) =>
        word.All(char.IsAsciiDigit) || (word.Length > 1 && word[0] == '-' && word[1..].All(char.IsAsciiDigit));

    private static void PushNumber(List<byte> script, long n)
    {
        if (n == -1 || n is >= 1 and <= 16)
        {
            script.Add((byte)(n + 0x50));
        }
        else if (n == 0)
        {
            script.Add(0x00);
        }
        else
        {
            PushData(script, ScriptNumber(n));
        }
    }

    private static byte[] ScriptNumber(long value)
    {
        var negative = value < 0;
        var magnitude = (ulong)Math.Abs(value);
        var bytes = new List<byte>();
        while (magnitude > 0)
        {
            bytes.Add((byte)(magnitude & 0xff));
            magnitude >>= 8;
        }

        if ((bytes[^1] & 0x80) != 0)
        {
            bytes.Add((byte)(negative ? 0x80 : 0x00));
        }
        else if (negative)
        {
            bytes[^1] |= 0x80;
        }

        return [.. bytes];
    }

    private static void PushData(List<byte> script, byte[] data)
    {
        if (data.Length < 0x4c)
        {
            script.Add((byte)data.Length);
        }
        else if (data.Length <= 0xff)
        {
            script.Add(0x4c);
            script.Add((byte)data.Length);
        }
        else if (data.Length <= 0xffff)
        {
            script.Add(0x4d);
            script.AddRange(BitConverter.GetBytes((ushort)data.Length));
        }
        else
        {
            script.Add(0x4e);
            script.AddRange(BitConverter.GetBytes((uint)data.Length));
        }

        script.AddRange(data);
    }

    private static Dictionary<string, byte> BuildNames()
    {
        var names = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var name in Enum.GetNames<OpcodeType>())
        {
            var value = (byte)Enum.Parse<OpcodeType>(name);
            // Core's table only names OP_RESERVED and opcodes from OP_NOP up; pushes are written as numbers or 0x.
            if (value < 0x61 && value != 0x50)
            {
                continue;
            }

            names[name] = value;
            if (name.StartsWith("OP_", StringComparison.Ordinal))
            {
                names[name[3..]] = value;
            }
        }

        return names;
    }
}
