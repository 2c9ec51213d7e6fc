using Microsoft.AspNetCore.Http;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>Reads a whole request body; Kestrel enforces the size limit (413) and the minimum data rate (a stalled client times out).</summary>
public static class RequestBody
{
    /// <summary>The body, or null when the client went away before sending all of it.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException)
        {
            // Too large or too slow: Kestrel answers with the exception's status and closes the connection.
            throw;
        }
        catch (IOException)
        {
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
