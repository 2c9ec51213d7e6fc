namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>
/// A fact that needs a non-loopback IPv4 address on this machine (to reach the RPC port from outside 127.0.0.0/8);
/// reported as skipped, with the reason, on a machine that has only loopback.
/// </summary>
internal sealed class HostAddressFactAttribute : FactAttribute
{
    public HostAddressFactAttribute()
    {
        if (HostAddress.FirstIPv4() is null)
        {
            Skip = "this machine has no non-loopback IPv4 address, so no connection can come from outside 127.0.0.0/8";
        }
    }
}
