using System.Security.Cryptography;
using System.Text;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// HTTP Basic authentication (InitRPCAuthentication, RPCAuthorized): against -rpcuser/-rpcpassword, or the cookie
/// when no password is set, then against every -rpcauth entry. Comparisons take the same time whatever matches.
/// </summary>
public sealed class RpcAuthenticator(NodeOptions options, AuthCookie cookie)
{
    private byte[] expected = [];

    public bool UsesCookie => options.Rpc.UsesCookie;

    /// <summary>Writes the cookie when needed; call once before the server accepts requests.</summary>
    public void Initialize()
    {
        var credentials = UsesCookie ? cookie.Generate() : options.Rpc.User + ":" + options.Rpc.Password;
        expected = Encoding.UTF8.GetBytes(credentials);
    }

    public void Shutdown()
    {
        if (UsesCookie)
        {
            cookie.Delete();
        }
    }

    public bool IsAuthorized(string? authorizationHeader)
    {
        if (expected.Length == 0 || authorizationHeader is null || !authorizationHeader.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(authorizationHeader[6..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, expected) || MatchesRpcAuth(given);
    }

    /// <summary>multiUserAuthorized: the user name must match an entry and the HMAC of the password its hash.</summary>
    private bool MatchesRpcAuth(byte[] userColonPassword)
    {
        var colon = Array.IndexOf(userColonPassword, (byte)':');
        if (colon < 0)
        {
            return false;
        }

        var user = userColonPassword.AsSpan(0, colon);
        var password = userColonPassword.AsSpan(colon + 1);
        var authorized = false;
        foreach (var entry in options.Rpc.Auth)
        {
            if (!CryptographicOperations.FixedTimeEquals(user, Encoding.UTF8.GetBytes(entry.User)))
            {
                continue;
            }

            var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(entry.Salt), password);
            authorized |= CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash)), Encoding.ASCII.GetBytes(entry.Hash));
        }

        return authorized;
    }
}
