namespace Faithcoin.P2P.Tests.Proxy;

/// <summary>What a client asked the test SOCKS5 server: the methods it offered, its credentials and its CONNECT.</summary>
public sealed record Socks5Request(byte[] Methods, string? Username, string? Password, byte AddressType, string Host, int Port);
