namespace Faithcoin.P2P.Net.Socks;

/// <summary>The proxy broke the SOCKS5 protocol or refused the connection; the message is 0.15's log text.</summary>
public sealed class Socks5Exception : IOException
{
    public Socks5Exception()
    {
    }

    public Socks5Exception(string message)
        : base(message)
    {
    }

    public Socks5Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
