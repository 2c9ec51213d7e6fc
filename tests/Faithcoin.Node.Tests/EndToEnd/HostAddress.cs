using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// This machine's own non-loopback IPv4 address: a connection to it comes from it, which is the only way a test on
/// one machine can reach the RPC port from outside 127.0.0.0/8 (always allowed, as in 0.15).
/// </summary>
public static class HostAddress
{
    public static IPAddress? FirstIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    /// <summary>A getblockcount POST to <paramref name="host"/>: the HTTP status, or null when the connection is refused.</summary>
    public static async Task<HttpStatusCode?> PostGetBlockCountAsync(IPAddress host, int port, string credentials)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var authority = host.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{authority}:{port}/")
        {
            Content = new StringContent("""{"method":"getblockcount","id":1}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return null;
        }
    }
}
