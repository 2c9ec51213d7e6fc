using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Faithcoin.Cli.Transport;

/// <summary>
/// One JSON-RPC POST as the original client sends it (Connection: close, Basic auth, the body and a newline),
/// and its HTTP outcome judged in the original's order: no answer is a connection failure, 401 is bad
/// credentials, other statuses than 200, 400, 404 and 500 are errors, and an empty body is "no response".
/// </summary>
public sealed class RpcHttpTransport : IDisposable
{
    private const string ConnectHint = "\n(make sure server is running and you are connecting to the correct RPC port)";

    private readonly HttpClient http;

    public RpcHttpTransport(TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            // libevent knows no proxies; an http_proxy in the environment must not divert calls to the node.
            UseProxy = false,
            ConnectTimeout = timeout,
            AllowAutoRedirect = false,
        };
        http = new HttpClient(handler) { Timeout = timeout };
    }

    public async Task<string> PostAsync(RpcEndpoint endpoint, string credentials, string body, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Uri)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body + "\n")),
        };
        request.Headers.ConnectionClose = true;
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        int status;
        string reply;
        try
        {
            using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
            status = (int)response.StatusCode;
            reply = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw ConnectionFailed(e.HttpRequestError);
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new RpcConnectionFailedException("couldn't connect to server: timeout reached (code 0)" + ConnectHint);
        }

        return status switch
        {
            (int)HttpStatusCode.Unauthorized => throw new RpcClientException("incorrect rpcuser or rpcpassword (authorization failed)"),
            >= 400 and not ((int)HttpStatusCode.BadRequest or (int)HttpStatusCode.NotFound or (int)HttpStatusCode.InternalServerError) =>
                throw new RpcClientException($"server returned HTTP error {status}"),
            _ when reply.Length == 0 => throw new RpcClientException("no response from server"),
            _ => reply,
        };
    }

    public void Dispose() => http.Dispose();

    /// <summary>The libevent request errors the original names (http_errorstring), by what went wrong.</summary>
    private static RpcConnectionFailedException ConnectionFailed(HttpRequestError error)
    {
        var (text, code) = error switch
        {
            HttpRequestError.ResponseEnded => ("EOF reached", 1),
            HttpRequestError.InvalidResponse => ("error while reading header, or invalid header", 2),
            HttpRequestError.ConfigurationLimitExceeded => ("response body is larger than allowed", 5),
            _ => ("unknown", -1),
        };
        return new RpcConnectionFailedException($"couldn't connect to server: {text} (code {code})" + ConnectHint);
    }
}
