using System.Net;

namespace Faithcoin.P2P.Net.ProxyProtocol;

/// <summary>
/// A parsed PROXY header: <paramref name="Length"/> bytes long, carrying the client's address, or null for
/// LOCAL (v2), UNKNOWN (v1) and families other than TCP (the socket's own address then stands).
/// </summary>
public sealed record ProxyHeader(int Length, IPEndPoint? Source);
