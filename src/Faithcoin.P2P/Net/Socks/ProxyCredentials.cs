namespace Faithcoin.P2P.Net.Socks;

/// <summary>RFC 1929 username and password, at most 255 bytes each.</summary>
public sealed record ProxyCredentials(string Username, string Password);
