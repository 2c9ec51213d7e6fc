using System.Globalization;

namespace Faithcoin.P2P.Wire;

/// <summary>
/// The BIP14 user agent 0.15 builds in FormatSubVersion: <c>/Name:version(comment1; comment2)/</c>, with
/// -uacomment values limited to SAFE_CHARS_UA_COMMENT and the whole to 256 characters.
/// </summary>
public static class UserAgent
{
    private const string SafeCommentCharacters =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;-_?@";

    public static string Format(string name, string version, IReadOnlyList<string> comments)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(comments);
        foreach (var comment in comments)
        {
            if (!IsSafeComment(comment))
            {
                throw new ArgumentException(
                    $"User Agent comment ({comment}) contains unsafe characters.", nameof(comments));
            }
        }

        var text = comments.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"/{name}:{version}/")
            : string.Create(CultureInfo.InvariantCulture, $"/{name}:{version}({string.Join("; ", comments)})/");
        if (text.Length > WireLimits.MaxSubversionLength)
        {
            throw new ArgumentException(
                $"Total length of network version string ({text.Length}) exceeds maximum length ({WireLimits.MaxSubversionLength}). Reduce the number or size of uacomments.",
                nameof(comments));
        }

        return text;
    }

    public static bool IsSafeComment(string comment) =>
        comment.All(c => SafeCommentCharacters.Contains(c, StringComparison.Ordinal));
}
