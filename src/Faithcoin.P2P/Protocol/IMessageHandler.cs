using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Protocol;

/// <summary>Handles some commands of a peer that has completed the handshake (a slice of ProcessMessage).</summary>
public interface IMessageHandler
{
    IReadOnlyCollection<string> Commands { get; }

    ValueTask HandleAsync(PeerContext peer, NetFrame frame, CancellationToken cancellationToken);
}
