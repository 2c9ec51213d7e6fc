using Faithcoin.Node.Networking;
using Faithcoin.P2P;

namespace Faithcoin.Node.Rpc.Methods.Networking;

/// <summary>0.15's "if (!g_connman)" guard: the running P2P node, or error -9 before it started and after it stopped.</summary>
public sealed class P2PAccess(NetworkState state)
{
    public P2PNode Node =>
        state.Node ?? throw new RpcException(RpcErrorCode.ClientP2PDisabled, "Error: Peer-to-peer functionality missing or disabled");
}
