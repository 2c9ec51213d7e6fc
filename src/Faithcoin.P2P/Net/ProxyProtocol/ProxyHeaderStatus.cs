namespace Faithcoin.P2P.Net.ProxyProtocol;

/// <summary>What the first bytes of a connection from a trusted source turned out to be.</summary>
public enum ProxyHeaderStatus
{
    /// <summary>Still a prefix of a PROXY header: read more.</summary>
    NeedMoreData,

    /// <summary>Not a PROXY header: the bytes belong to the P2P stream.</summary>
    NotProxy,

    /// <summary>A complete, valid header.</summary>
    Parsed,

    /// <summary>It starts like a PROXY header but breaks the format: close the connection.</summary>
    Malformed,
}
