using System.Security.Cryptography;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>
/// The .cookie file clients read when no -rpcpassword is set: "__cookie__:" and 32 random bytes in hex,
/// readable by the owner only, written under a temporary name and renamed so a client never reads half of it.
/// </summary>
public sealed class AuthCookie(NodeOptions options)
{
    public const string User = "__cookie__";

    public string Path => options.Rpc.CookieFilePath;

    /// <summary>Writes a fresh cookie and returns "user:password" for the authenticator.</summary>
    public string Generate()
    {
        var credentials = User + ":" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var temporary = Path + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(credentials);
        }

        File.Move(temporary, Path, overwrite: true);
        return credentials;
    }

    public void Delete()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A cookie that cannot be removed is replaced on the next start; shutting down matters more.
        }
    }
}
