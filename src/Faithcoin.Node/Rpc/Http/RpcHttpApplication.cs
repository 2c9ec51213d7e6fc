using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Faithcoin.Node.Rpc.Http;

/// <summary>Connects Kestrel straight to the handler, without the ASP.NET middleware pipeline.</summary>
public sealed class RpcHttpApplication(HttpRequestRouter router) : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => router.HandleAsync(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
