namespace Faithcoin.P2P.Net;

/// <summary>How a connection came about, which decides slots, punishment and what is asked of the peer.</summary>
public enum ConnectionKind
{
    /// <summary>A peer connected to our listener.</summary>
    Inbound,

    /// <summary>An automatic outbound connection (from the address manager).</summary>
    Outbound,

    /// <summary>-connect or -addnode: kept and retried; 0.15 never punishes such a peer (m_manual_connection).</summary>
    Manual,

    /// <summary>-seednode: connect, ask for addresses, disconnect (fOneShot).</summary>
    OneShot,

    /// <summary>A short-lived outbound connection to an address from the new table, dropped after version (fFeeler).</summary>
    Feeler,
}
