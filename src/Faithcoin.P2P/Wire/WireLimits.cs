namespace Faithcoin.P2P.Wire;

/// <summary>Size limits of the 0.15 wire format (net.h, serialize.h).</summary>
public static class WireLimits
{
    /// <summary>MAX_SIZE: no serialized object, and so no message, may claim more than 32 MiB.</summary>
    public const uint MaxSize = 0x02000000;

    /// <summary>
    /// MAX_PROTOCOL_MESSAGE_LENGTH: 0.15 drops a peer as soon as a header announces more payload than this
    /// ("Oversized message from peer=%i, disconnecting"), so this is the limit that acts in practice.
    /// </summary>
    public const uint MaxProtocolMessageLength = 4 * 1000 * 1000;

    /// <summary>MAX_SUBVERSION_LENGTH: the longest user agent a version message may carry.</summary>
    public const int MaxSubversionLength = 256;

    /// <summary>MAX_REJECT_MESSAGE_LENGTH: reasons in reject messages are cut to this many characters.</summary>
    public const int MaxRejectMessageLength = 111;

    /// <summary>MAX_INV_SZ: inv, getdata and notfound carry at most this many entries.</summary>
    public const int MaxInventoryEntries = 50000;

    /// <summary>An addr message with more entries than this is misbehaviour.</summary>
    public const int MaxAddrEntries = 1000;

    /// <summary>MAX_HEADERS_RESULTS: the most headers a headers message may carry and getheaders returns.</summary>
    public const int MaxHeadersResults = 2000;
}
