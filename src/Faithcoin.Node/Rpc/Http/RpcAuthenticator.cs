using System.Security.Cryptography;
using System.Text;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// HTTP Basic authentication against -rpcuser/-rpcpassword, or against the cookie when no password is set
/// (InitRPCAuthentication and RPCAuthorized). The comparison takes the same time whatever matches.
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

        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
