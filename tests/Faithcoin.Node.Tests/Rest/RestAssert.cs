using System.Net;
using System.Text;

namespace Faithcoin.Node.Tests.Rest;

/// <summary>REST error answers: the status, text/plain, and the message followed by CRLF.</summary>
public static class RestAssert
{
    public static async Task ErrorAsync(RestDaemon node, string path, HttpStatusCode status, string message, HttpMethod? method = null, byte[]? body = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var (actualStatus, type, bytes) = await node.GetAsync(path, method, body);
        Assert.Equal(status, actualStatus);
        Assert.Equal("text/plain", type);
        Assert.Equal(message + "\r\n", Encoding.UTF8.GetString(bytes));
    }
}
