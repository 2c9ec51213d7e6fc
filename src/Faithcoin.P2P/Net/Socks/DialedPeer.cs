using System.Net;
using System.Net.Sockets;

namespace Faithcoin.P2P.Net.Socks;

/// <summary>
/// An open outbound connection and the address it stands for: the target, not the proxy in between, and
/// [::]:0 for a name only the proxy resolved (0.15's invalid addrConnect).
/// </summary>
public sealed record DialedPeer(Socket Socket, IPEndPoint Remote);
