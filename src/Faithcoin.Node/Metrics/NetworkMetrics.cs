using Faithcoin.Node.Networking;
using Faithcoin.Node.Rpc.Methods.Networking;
using Prometheus;

namespace Faithcoin.Node.Metrics;

/// <summary>
/// Peers by direction, traffic since start and the ban list, as getpeerinfo, getnettotals and listbanned report
/// them. One series per ban, labelled with the subnet and reason; a ban that expires or is lifted disappears.
/// Nothing is published while the P2P node is not running.
/// </summary>
public sealed class NetworkMetrics(NetworkState network, TimeProvider time, IMetricFactory factory) : IMetricsSource
{
    private static readonly string[] BanLabels = ["address", "reason"];

    private readonly Lock banGate = new();
    private readonly Gauge peers = factory.CreateGauge(
        "faithcoin_peers", "Connected peers by direction", ["direction"], new GaugeConfiguration { SuppressInitialValue = true });
    private readonly Gauge bytesReceived = factory.CreateGauge(
        "faithcoin_total_bytes_recv", "Bytes received from peers since start", Unpublished);
    private readonly Gauge bytesSent = factory.CreateGauge("faithcoin_total_bytes_sent", "Bytes sent to peers since start", Unpublished);
    private readonly Gauge bannedPeers = factory.CreateGauge("faithcoin_banned_peers", "Bans in force", Unpublished);
    private readonly Gauge banCreated = factory.CreateGauge(
        "faithcoin_ban_created", "When a ban was created, in Unix seconds", BanLabels, new GaugeConfiguration { SuppressInitialValue = true });
    private readonly Gauge bannedUntil = factory.CreateGauge(
        "faithcoin_banned_until", "When a ban ends, in Unix seconds", BanLabels, new GaugeConfiguration { SuppressInitialValue = true });

    private static GaugeConfiguration Unpublished => new() { SuppressInitialValue = true };

    public void Collect()
    {
        if (network.Node is not { } node)
        {
            return;
        }

        var connected = node.GetPeers();
        var inbound = connected.Count(p => p.IsInbound);
        peers.WithLabels("inbound").Set(inbound);
        peers.WithLabels("outbound").Set(connected.Count - inbound);
        bytesReceived.Set(node.TotalBytesReceived);
        bytesSent.Set(node.TotalBytesSent);
        CollectBans(node.BanList.GetEntries(time.GetUtcNow()));
    }

    private void CollectBans(IReadOnlyList<Faithcoin.P2P.Peers.BanEntry> bans)
    {
        // Two scrapes at once must not remove each other's fresh series.
        lock (banGate)
        {
            bannedPeers.Set(bans.Count);
            var current = new HashSet<(string, string)>();
            foreach (var ban in bans)
            {
                var address = ban.Subnet.ToString();
                var reason = ListBannedMethod.ReasonText(ban.Reason);
                current.Add((address, reason));
                banCreated.WithLabels(address, reason).Set(ban.Created.ToUnixTimeSeconds());
                bannedUntil.WithLabels(address, reason).Set(ban.BannedUntil.ToUnixTimeSeconds());
            }

            foreach (var gauge in new[] { banCreated, bannedUntil })
            {
                foreach (var labels in gauge.GetAllLabelValues().ToList())
                {
                    if (!current.Contains((labels[0], labels[1])))
                    {
                        gauge.RemoveLabelled(labels);
                    }
                }
            }
        }
    }
}
