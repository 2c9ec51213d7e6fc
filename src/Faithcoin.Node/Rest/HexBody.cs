namespace Faithcoin.Node.Rest;

/// <summary>ParseHex: pairs of hex digits, white space allowed between pairs, stopping quietly at the first thing that is neither.</summary>
public static class HexBody
{
    public static byte[] Parse(ReadOnlySpan<byte> text)
    {
        var bytes = new List<byte>(text.Length / 2);
        var i = 0;
        while (true)
        {
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }

            if (i + 1 >= text.Length || !TryDigit(text[i], out var high) || !TryDigit(text[i + 1], out var low))
            {
                return [.. bytes];
            }

            bytes.Add((byte)((high << 4) | low));
            i += 2;
        }
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static bool TryDigit(byte c, out int value)
    {
        value = c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
