namespace Faithcoin.P2P.Wire;

/// <summary>The protocol versions of 0.15's version.h that change what peers send or expect.</summary>
public static class ProtocolVersions
{
    public const int Current = 70015;

    /// <summary>INIT_PROTO_VERSION: messages before the handshake (version, verack, reject) are built with this.</summary>
    public const int Initial = 209;

    /// <summary>MIN_PEER_PROTO_VERSION (Litecoin's GETHEADERS_VERSION): older peers are disconnected.</summary>
    public const int MinPeer = 70002;

    public const int CaddrTime = 31402;

    /// <summary>BIP0031_VERSION: pings carry a nonce and expect a pong only after this version.</summary>
    public const int Bip31 = 60000;

    public const int NoBloom = 70011;

    public const int SendHeaders = 70012;

    public const int FeeFilter = 70013;

    public const int ShortIdsBlocks = 70014;

    public const int InvalidCompactBlockNoBan = 70015;
}
