using System.Net;
using Faithcoin.P2P.Peers;

namespace Faithcoin.P2P;

/// <summary>The operator's controls over the P2P side (the RPC network category's material).</summary>
public sealed partial class P2PNode
{
    /// <summary>fNetworkActive (setnetworkactive).</summary>
    public bool NetworkActive => connections.NetworkActive;

    /// <summary>Bytes sent since start over every connection, closed ones included (getnettotals).</summary>
    public long TotalBytesSent => connections.TotalBytesSent;

    /// <summary>Bytes received since start over every connection, closed ones included (getnettotals).</summary>
    public long TotalBytesReceived => connections.TotalBytesReceived;

    /// <summary>The added-node list (-addnode values and "addnode add"), in order.</summary>
    public IReadOnlyList<string> AddedNodes => manual.AddedNodes;

    /// <summary>SetNetworkActive: off drops every peer and stops accepting and connecting until it is on again.</summary>
    public void SetNetworkActive(bool active) => connections.SetNetworkActive(active);

    /// <summary>"addnode add": false when the name is already listed (RPC error -23).</summary>
    public bool AddNode(string destination) => manual.AddNode(destination);

    /// <summary>"addnode remove": false when the name is not listed (RPC error -24).</summary>
    public bool RemoveAddedNode(string destination) => manual.RemoveAddedNode(destination);

    /// <summary>disconnectnode by id; false when no such peer is connected.</summary>
    public bool DisconnectNode(long peerId) => connections.Disconnect(peerId);

    /// <summary>disconnectnode by address: the peer whose name (as connected, "ip:port" for inbound) matches.</summary>
    public bool DisconnectNode(string addressName)
    {
        ArgumentNullException.ThrowIfNull(addressName);
        var peer = connections.FindByName(addressName);
        return peer is not null && connections.Disconnect(peer.Id);
    }

    /// <summary>setban add: bans a subnet until <paramref name="until"/> and drops the peers inside it.</summary>
    public void Ban(IPNetwork subnet, DateTimeOffset until) => connections.Ban(subnet, until, BanReason.ManuallyAdded);

    /// <summary>ping RPC: every peer gets a ping with its next message pass (fPingQueued), which is run at once.</summary>
    public void PingAll()
    {
        foreach (var peer in connections.Peers)
        {
            if (logic.GetState(peer.Id) is { } state)
            {
                state.PingQueued = true;
            }
        }

        _ = Task.Run(() => WakePeersAsync(connections.Peers));
    }
}
