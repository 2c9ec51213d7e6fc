using System.Net;

namespace Faithcoin.P2P.Peers;

/// <summary>One banned subnet (a single address is a /32 or /128), with when it was banned and until when.</summary>
public sealed record BanEntry(IPNetwork Subnet, DateTimeOffset Created, DateTimeOffset BannedUntil, BanReason Reason)
{
    public bool IsActive(DateTimeOffset now) => now < BannedUntil;
}
