using System.Net;
using Faithcoin.P2P.Tests.Infrastructure;
using Faithcoin.P2P.Wire;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Tests.AddressRelay;

/// <summary>addr messages as raw peers send and receive them.</summary>
internal static class AddrTraffic
{
    public static byte[] Addr(IEnumerable<IPEndPoint> endpoints, DateTimeOffset? time = null) =>
        Payloads.Serializer.Serialize(new AddrPayload(endpoints
            .Select(e => new NetworkAddress(e.Address, e.Port) { Time = time ?? DateTimeOffset.UtcNow, Services = NodeServices.Network })
            .ToArray()));

    public static List<IPEndPoint> Read(RawMessage message) =>
        message.Command == NetCommands.Addr
            ? Payloads.Serializer.Deserialize<AddrPayload>(message.Payload).Addresses.Select(a => Normalize((IPEndPoint)a.Endpoint)).ToList()
            : [];

    /// <summary>Every address the peer is sent within <paramref name="window"/> (other messages are skipped).</summary>
    public static async Task<List<IPEndPoint>> CollectAsync(RawPeer peer, TimeSpan window)
    {
        var seen = new List<IPEndPoint>();
        var deadline = DateTime.UtcNow + window;
        try
        {
            while (deadline - DateTime.UtcNow is { } remaining && remaining > TimeSpan.Zero)
            {
                seen.AddRange(Read(await peer.ReadAsync(remaining)));
            }
        }
        catch (OperationCanceledException)
        {
        }

        return seen;
    }

    /// <summary>Public-looking test addresses in distinct /16s.</summary>
    public static IPEndPoint[] Routable(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(i => new IPEndPoint(IPAddress.Parse($"23.{i}.4.5"), 9666)).ToArray();

    private static IPEndPoint Normalize(IPEndPoint endpoint) =>
        new(endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address, endpoint.Port);
}
