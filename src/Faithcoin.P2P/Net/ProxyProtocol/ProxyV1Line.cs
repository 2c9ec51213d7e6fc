using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Faithcoin.P2P.Net.ProxyProtocol;

/// <summary>
/// The text header, "PROXY TCP4|TCP6 src dst sport dport\r\n" or "PROXY UNKNOWN ...\r\n", at most 107 bytes.
/// </summary>
internal static class ProxyV1Line
{
    public static ProxyHeaderStatus TryParse(ReadOnlySpan<byte> received, out ProxyHeader? header, out string? error)
    {
        header = null;
        error = null;
        var window = received[..Math.Min(received.Length, ProxyHeaderParser.MaxV1Length)];
        var end = window.IndexOf("\r\n"u8);
        if (end < 0)
        {
            if (received.Length >= ProxyHeaderParser.MaxV1Length)
            {
                error = "PROXY v1 header without CRLF in 107 bytes";
                return ProxyHeaderStatus.Malformed;
            }

            return ProxyHeaderStatus.NeedMoreData;
        }

        var line = Encoding.ASCII.GetString(window[..end]);
        var length = end + 2;
        var fields = line.Split(' ');
        if (fields.Length >= 2 && fields[1] == "UNKNOWN")
        {
            // The proxy could not tell the source; whatever follows UNKNOWN is ignored, as the spec says.
            header = new ProxyHeader(length, null);
            return ProxyHeaderStatus.Parsed;
        }

        if (fields.Length != 6 || (fields[1] != "TCP4" && fields[1] != "TCP6"))
        {
            error = $"malformed PROXY v1 header '{Printable(line)}'";
            return ProxyHeaderStatus.Malformed;
        }

        var family = fields[1] == "TCP4" ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        if (!TryAddress(fields[2], family, out var source)
            || !TryAddress(fields[3], family, out _)
            || !TryPort(fields[4], out var sourcePort)
            || !TryPort(fields[5], out _))
        {
            error = $"malformed PROXY v1 header '{Printable(line)}'";
            return ProxyHeaderStatus.Malformed;
        }

        header = new ProxyHeader(length, new IPEndPoint(source!, sourcePort));
        return ProxyHeaderStatus.Parsed;
    }

    private static bool TryAddress(string text, AddressFamily family, out IPAddress? address)
    {
        address = null;

        // IPAddress.TryParse also takes "1", "0x7f.1" and scope ids; the header allows only the plain forms.
        var plain = family == AddressFamily.InterNetwork
            ? text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.')
            : text.Contains(':', StringComparison.Ordinal) && text.All(c => char.IsAsciiHexDigit(c) || c == ':' || c == '.');
        if (!plain || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != family)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port)
        && text.Length <= 5
        && (text.Length == 1 || text[0] != '0')
        && port <= 65535;

    private static string Printable(string line) =>
        new(line.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
