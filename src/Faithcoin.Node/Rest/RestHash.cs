using NBitcoin;

namespace Faithcoin.Node.Rest;

/// <summary>ParseHashStr: a REST hash is exactly 64 hex digits; anything else is refused, unlike the RPC's lenient uint256S.</summary>
public static class RestHash
{
    public static bool TryParse(string text, out uint256 hash)
    {
        ArgumentNullException.ThrowIfNull(text);
        hash = uint256.Zero;
        if (text.Length != 64 || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        hash = uint256.Parse(text);
        return true;
    }
}
