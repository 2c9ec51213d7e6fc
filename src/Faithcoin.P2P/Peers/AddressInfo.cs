using System.Net;
using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// One address the address manager knows (0.15's CAddrInfo): the address with its services and last-seen time,
/// where it was heard from, and the connection history that decides its chance of being picked or dropped.
/// Times are Unix seconds, as in peers.dat.
/// </summary>
public sealed class AddressInfo
{
    /// <summary>ADDRMAN_HORIZON_DAYS: not seen for this long counts as terrible.</summary>
    private const long HorizonSeconds = 30 * 24 * 60 * 60;

    /// <summary>ADDRMAN_RETRIES: attempts without any success before an address is terrible.</summary>
    private const int Retries = 3;

    /// <summary>ADDRMAN_MAX_FAILURES within ADDRMAN_MIN_FAIL_DAYS (7) of the last success.</summary>
    private const int MaxFailures = 10;

    private const long MinFailSeconds = 7 * 24 * 60 * 60;

    public AddressInfo(IPEndPoint endpoint, ServiceFlags services, long time, IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(source);
        Address = NetworkGroup.ToIPv6(endpoint.Address);
        Port = endpoint.Port;
        Services = services;
        Time = time;
        Source = NetworkGroup.ToIPv6(source);
    }

    /// <summary>The IP in its 16-byte form (IPv4 mapped), the form every hash and the file use.</summary>
    public IPAddress Address { get; }

    public int Port { get; }

    public IPEndPoint EndPoint => new(AddressClass.Normalize(Address), Port);

    public ServiceFlags Services { get; set; }

    /// <summary>nTime: when the network last said this address was alive.</summary>
    public long Time { get; set; }

    /// <summary>Who told us about it; its group picks the new bucket.</summary>
    public IPAddress Source { get; }

    public long LastSuccess { get; set; }

    public int Attempts { get; set; }

    public long LastTry { get; set; }

    public long LastCountAttempt { get; set; }

    /// <summary>How many new-table slots refer to it (at most 8); zero while it is in the tried table.</summary>
    public int RefCount { get; set; }

    public bool InTried { get; set; }

    internal int RandomPosition { get; set; }

    /// <summary>IsTerrible: whether the address is worth neither keeping in a collision nor handing out.</summary>
    public bool IsTerrible(long now)
    {
        if (LastTry != 0 && LastTry >= now - 60)
        {
            return false; // never drop what was tried in the last minute
        }

        if (Time > now + (10 * 60))
        {
            return true; // a time in the future is a lie
        }

        if (Time == 0 || now - Time > HorizonSeconds)
        {
            return true;
        }

        if (LastSuccess == 0 && Attempts >= Retries)
        {
            return true;
        }

        return now - LastSuccess > MinFailSeconds && Attempts >= MaxFailures;
    }

    /// <summary>GetChance: the relative chance of being picked, lower for recent tries and failed attempts.</summary>
    public double GetChance(long now)
    {
        var chance = 1.0;
        var sinceLastTry = Math.Max(now - LastTry, 0);
        if (sinceLastTry < 10 * 60)
        {
            chance *= 0.01;
        }

        // 66% less after each failure, but at most 1/28th, so a bad outage does not bury an address for good.
        return chance * Math.Pow(0.66, Math.Min(Attempts, 8));
    }

    /// <summary>The same IP and port (CService equality; the table itself is keyed by IP alone).</summary>
    public bool IsSameService(IPEndPoint endpoint) =>
        Address.Equals(NetworkGroup.ToIPv6(endpoint.Address)) && Port == endpoint.Port;

    internal AddressInfo Clone() => (AddressInfo)MemberwiseClone();
}
