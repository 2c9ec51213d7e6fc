namespace Faithcoin.P2P.Net.Socks;

/// <summary>RFC 1928 reply codes as 0.15's Socks5ErrorString words them.</summary>
public static class Socks5Reply
{
    public const byte Succeeded = 0x00;

    public static string Describe(byte code) => code switch
    {
        0x01 => "general failure",
        0x02 => "connection not allowed",
        0x03 => "network unreachable",
        0x04 => "host unreachable",
        0x05 => "connection refused",
        0x06 => "TTL expired",
        0x07 => "protocol error",
        0x08 => "address type not supported",
        _ => "unknown",
    };
}
