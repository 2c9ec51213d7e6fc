using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Faithcoin.Node.Metrics;

/// <summary>Connects the metrics listener's Kestrel straight to the handler, without the ASP.NET middleware pipeline.</summary>
public sealed class MetricsHttpApplication(MetricsHttpHandler handler) : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => handler.HandleAsync(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
