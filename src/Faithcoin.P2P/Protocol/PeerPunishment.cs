using Faithcoin.P2P.Net;
using Faithcoin.P2P.Peers;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// What crossing -banscore costs a peer (0.15's SendRejectsAndCheckIfBanned): disconnect and ban, except
/// whitelisted and manually connected peers (never punished) and local addresses (disconnected, not banned,
/// unless <see cref="P2POptions.BanLocalPeers"/>).
/// </summary>
public sealed partial class PeerPunishment
{
    private readonly P2POptions options;
    private readonly IConnectionDirectory directory;
    private readonly ILogger logger;

    public PeerPunishment(P2POptions options, IConnectionDirectory directory, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options;
        this.directory = directory;
        this.logger = logger;
    }

    /// <summary>True when the peer crossed the threshold since the last call (and was dealt with).</summary>
    public bool SendRejectsAndCheckIfBanned(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!peer.State.Misbehaviour.TakeShouldBan())
        {
            return false;
        }

        var connection = peer.Connection;
        if (connection.IsWhitelisted)
        {
            LogNotPunishing(logger, "whitelisted", connection.RemoteEndPoint.ToString());
        }
        else if (connection.Kind == ConnectionKind.Manual)
        {
            LogNotPunishing(logger, "manually-connected", connection.RemoteEndPoint.ToString());
        }
        else
        {
            if (AddressClass.IsLocal(connection.RemoteAddress) && !options.BanLocalPeers)
            {
                LogNotBanningLocal(logger, connection.RemoteEndPoint.ToString());
            }
            else
            {
                // Ban before the socket closes, so a quick reconnection already meets the ban.
                directory.Ban(connection.RemoteAddress, BanReason.NodeMisbehaving);
            }

            connection.Disconnect("misbehaving");
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not punishing {Kind} peer {Address}!")]
    private static partial void LogNotPunishing(ILogger logger, string kind, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not banning local peer {Address}!")]
    private static partial void LogNotBanningLocal(ILogger logger, string address);
}
