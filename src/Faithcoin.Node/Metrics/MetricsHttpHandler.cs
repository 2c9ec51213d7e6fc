using Microsoft.AspNetCore.Http;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// The three endpoints: /metrics (Prometheus text, or OpenMetrics when the scraper asks for it), /livez (200 while
/// the process serves) and /readyz (200, or 503 with the reason). GET and HEAD only; no authentication, which is why
/// the listener is on loopback unless -metricsbind says otherwise.
/// </summary>
public sealed class MetricsHttpHandler(CollectorRegistry registry, ReadinessCheck readiness)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }

        switch (request.Path.Value)
        {
            case "/metrics":
                await ServeMetricsAsync(context).ConfigureAwait(false);
                break;
            case "/livez":
                await WriteTextAsync(response, StatusCodes.Status200OK, "ok", context.RequestAborted).ConfigureAwait(false);
                break;
            case "/readyz":
                var state = readiness.Check();
                var status = state.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
                await WriteTextAsync(response, status, state.Reason, context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private async Task ServeMetricsAsync(HttpContext context)
    {
        var openMetrics = context.Request.Headers.Accept.ToString()
            .Contains(PrometheusConstants.OpenMetricsContentType, StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        try
        {
            await registry.CollectAndExportAsTextAsync(
                buffer, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (ScrapeFailedException e)
        {
            await WriteTextAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "scrape failed: " + e.Message, context.RequestAborted)
                .ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = openMetrics
            ? PrometheusConstants.OpenMetricsContentTypeWithVersionAndEncoding
            : PrometheusConstants.TextContentTypeWithVersionAndEncoding;
        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteTextAsync(HttpResponse response, int status, string text, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        var body = System.Text.Encoding.UTF8.GetBytes(text + "\n");
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(response.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
    }
}
