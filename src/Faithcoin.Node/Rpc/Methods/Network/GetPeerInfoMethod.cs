using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Node.Rpc.Formatting;
using Faithcoin.P2P;
using Faithcoin.P2P.Net;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>getpeerinfo: one object per connected peer with 0.15's fields, in 0.15's order.</summary>
public sealed class GetPeerInfoMethod(P2PAccess p2p) : IRpcMethod
{
    public string Name => "getpeerinfo";

    public RpcCategory Category => RpcCategory.Network;

    public IReadOnlyList<string> ArgumentNames { get; } = [];

    public int MinArguments => 0;

    public int MaxArguments => 0;

    public string Help =>
        "getpeerinfo\n" +
        "\nReturns data about each connected network node as a json array of objects.\n" +
        "\nResult:\n" +
        "[\n" +
        "  {\n" +
        "    \"id\": n,                   (numeric) Peer index\n" +
        "    \"addr\":\"host:port\",      (string) The IP address and port of the peer\n" +
        "    \"addrbind\":\"ip:port\",    (string) Bind address of the connection to the peer\n" +
        "    \"addrlocal\":\"ip:port\",   (string) Local address as reported by the peer\n" +
        "    \"services\":\"xxxxxxxxxxxxxxxx\",   (string) The services offered\n" +
        "    \"relaytxes\":true|false,    (boolean) Whether peer has asked us to relay transactions to it\n" +
        "    \"lastsend\": ttt,           (numeric) The time in seconds since epoch (Jan 1 1970 GMT) of the last send\n" +
        "    \"lastrecv\": ttt,           (numeric) The time in seconds since epoch (Jan 1 1970 GMT) of the last receive\n" +
        "    \"bytessent\": n,            (numeric) The total bytes sent\n" +
        "    \"bytesrecv\": n,            (numeric) The total bytes received\n" +
        "    \"conntime\": ttt,           (numeric) The connection time in seconds since epoch (Jan 1 1970 GMT)\n" +
        "    \"timeoffset\": ttt,         (numeric) The time offset in seconds\n" +
        "    \"pingtime\": n,             (numeric) ping time (if available)\n" +
        "    \"minping\": n,              (numeric) minimum observed ping time (if any at all)\n" +
        "    \"pingwait\": n,             (numeric) ping wait (if non-zero)\n" +
        "    \"version\": v,              (numeric) The peer version, such as 70001\n" +
        "    \"subver\": \"/Satoshi:0.8.5/\",  (string) The string version\n" +
        "    \"inbound\": true|false,     (boolean) Inbound (true) or Outbound (false)\n" +
        "    \"addnode\": true|false,     (boolean) Whether connection was due to addnode and is using an addnode slot\n" +
        "    \"startingheight\": n,       (numeric) The starting height (block) of the peer\n" +
        "    \"banscore\": n,             (numeric) The ban score\n" +
        "    \"synced_headers\": n,       (numeric) The last header we have in common with this peer\n" +
        "    \"synced_blocks\": n,        (numeric) The last block we have in common with this peer\n" +
        "    \"inflight\": [\n" +
        "       n,                        (numeric) The heights of blocks we're currently asking from this peer\n" +
        "       ...\n" +
        "    ],\n" +
        "    \"whitelisted\": true|false, (boolean) Whether the peer is whitelisted\n" +
        "    \"bytessent_per_msg\": {\n" +
        "       \"addr\": n,              (numeric) The total bytes sent aggregated by message type\n" +
        "       ...\n" +
        "    },\n" +
        "    \"bytesrecv_per_msg\": {\n" +
        "       \"addr\": n,              (numeric) The total bytes received aggregated by message type\n" +
        "       ...\n" +
        "    }\n" +
        "  }\n" +
        "  ,...\n" +
        "]\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public static JsonObject ToJson(PeerInfo peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var json = new JsonObject
        {
            ["id"] = peer.Id,
            ["addr"] = peer.AddressName,
        };
        if (peer.LocalEndPoint is { } local)
        {
            json["addrbind"] = PeerAddressText.Format(local);
        }

        if (peer.AddressLocal is { } seenAs)
        {
            json["addrlocal"] = PeerAddressText.Format(seenAs);
        }

        json["services"] = ((ulong)peer.Services).ToString("x16", CultureInfo.InvariantCulture);
        json["relaytxes"] = peer.RelayTransactions;
        json["lastsend"] = peer.LastSend?.ToUnixTimeSeconds() ?? 0;
        json["lastrecv"] = peer.LastReceive?.ToUnixTimeSeconds() ?? 0;
        json["bytessent"] = peer.BytesSent;
        json["bytesrecv"] = peer.BytesReceived;
        json["conntime"] = peer.ConnectedAt.ToUnixTimeSeconds();
        json["timeoffset"] = (long)peer.TimeOffset.TotalSeconds;
        if (peer.PingTime is { } ping && ping > TimeSpan.Zero)
        {
            json["pingtime"] = JsonNumber.FromDouble(ping.TotalSeconds);
        }

        if (peer.MinPingTime is { } minimum)
        {
            json["minping"] = JsonNumber.FromDouble(minimum.TotalSeconds);
        }

        if (peer.PingWait is { } wait && wait > TimeSpan.Zero)
        {
            json["pingwait"] = JsonNumber.FromDouble(wait.TotalSeconds);
        }

        json["version"] = peer.Version;
        json["subver"] = peer.UserAgent;
        json["inbound"] = peer.IsInbound;
        json["addnode"] = peer.Kind == ConnectionKind.Manual;
        json["startingheight"] = peer.StartHeight;
        json["banscore"] = peer.Misbehaviour;
        json["synced_headers"] = peer.SyncedHeaders;
        json["synced_blocks"] = peer.SyncedBlocks;
        json["inflight"] = new JsonArray(peer.InFlightHeights.Select(h => (JsonNode?)JsonValue.Create(h)).ToArray());
        json["whitelisted"] = peer.IsWhitelisted;

        json["bytessent_per_msg"] = PerMessage(peer.BytesSentPerMessage);
        json["bytesrecv_per_msg"] = PerMessage(peer.BytesReceivedPerMessage);
        return json;
    }

    // Only commands with bytes appear, as 0.15 lists them.
    private static JsonObject PerMessage(IReadOnlyList<KeyValuePair<string, long>> counts)
    {
        var json = new JsonObject();
        foreach (var (command, bytes) in counts.Where(c => c.Value > 0))
        {
            json[command] = bytes;
        }

        return json;
    }

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var peer in p2p.Node.GetPeers())
        {
            result.Add(ToJson(peer));
        }

        return ValueTask.FromResult<JsonNode?>(result);
    }
}
