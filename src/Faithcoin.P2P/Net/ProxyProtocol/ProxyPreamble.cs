using System.Net;

namespace Faithcoin.P2P.Net.ProxyProtocol;

/// <summary>
/// The outcome of reading the start of a connection from a trusted source: the peer's address (carried by the
/// header, or the socket's own) and the bytes read past the header, which belong to the P2P stream. Null
/// <see cref="Remote"/> means the connection is to be closed (<see cref="Problem"/> says why).
/// </summary>
public sealed record ProxyPreamble(IPEndPoint? Remote, ReadOnlyMemory<byte> Rest, string? Problem, bool Malformed);
