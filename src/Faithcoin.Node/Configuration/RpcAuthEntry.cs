namespace Faithcoin.Node.Configuration;

/// <summary>
/// One -rpcauth value, "user:salt$hash" as share/rpcauth/rpcauth.py prints it: <see cref="Hash"/> is the lower-case
/// hex HMAC-SHA256 of the password keyed by the salt's characters (not by its hex-decoded bytes).
/// </summary>
public sealed record RpcAuthEntry(string User, string Salt, string Hash)
{
    private const int HashHexLength = 64;

    /// <summary>
    /// The original splits the value at every ':' and '$' and needs exactly three fields; it skips other values
    /// silently, which hides typos, so here they are refused at start-up instead.
    /// </summary>
    public static bool TryParse(string text, out RpcAuthEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(text);
        entry = null;
        var fields = text.Split([':', '$']);
        if (fields.Length != 3 || fields[0].Length == 0 || fields[1].Length == 0
            || fields[2].Length != HashHexLength || !fields[2].All(char.IsAsciiHexDigit))
        {
            return false;
        }

        entry = new RpcAuthEntry(fields[0], fields[1], fields[2]);
        return true;
    }
}
