using System.Net;
using Faithcoin.P2P.Peers;

namespace Faithcoin.P2P.Net;

/// <summary>What the protocol logic asks of the connection manager (the CConnman calls in net_processing).</summary>
public interface IConnectionDirectory
{
    /// <summary>CheckIncomingNonce: false when the nonce is one we sent on an outbound connection still shaking hands.</summary>
    bool CheckIncomingNonce(ulong nonce);

    /// <summary>Bans the address for -bantime and disconnects every peer it covers.</summary>
    void Ban(IPAddress address, BanReason reason);
}
