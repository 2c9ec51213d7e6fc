using System.Net;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// Banned subnets with their expiry (CConnman's setBanned). Thread-safe. It keeps a dirty flag so the caller
/// can persist it with <see cref="BanListFile"/> only when it changed, as 0.15 does with banlist.dat.
/// </summary>
public sealed class BanList
{
    private readonly object gate = new();
    private readonly Dictionary<IPNetwork, BanEntry> entries = [];
    private bool dirty;

    public bool IsDirty
    {
        get
        {
            lock (gate)
            {
                return dirty;
            }
        }
    }

    /// <summary>Bans <paramref name="subnet"/> until <paramref name="until"/>; an existing longer ban is kept.</summary>
    public void Ban(IPNetwork subnet, DateTimeOffset now, DateTimeOffset until, BanReason reason)
    {
        lock (gate)
        {
            if (entries.TryGetValue(subnet, out var existing) && existing.BannedUntil >= until)
            {
                return;
            }

            entries[subnet] = new BanEntry(subnet, now, until, reason);
            dirty = true;
        }
    }

    public bool IsBanned(IPAddress address, DateTimeOffset now)
    {
        var normalized = AddressClass.Normalize(address);
        lock (gate)
        {
            return entries.Values.Any(e => e.IsActive(now) && e.Subnet.Contains(normalized));
        }
    }

    public bool Unban(IPNetwork subnet)
    {
        lock (gate)
        {
            var removed = entries.Remove(subnet);
            dirty |= removed;
            return removed;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            dirty = true;
        }
    }

    /// <summary>The bans still in force; expired ones are dropped on the way (SweepBanned).</summary>
    public IReadOnlyList<BanEntry> GetEntries(DateTimeOffset now)
    {
        lock (gate)
        {
            foreach (var expired in entries.Values.Where(e => !e.IsActive(now)).ToList())
            {
                entries.Remove(expired.Subnet);
                dirty = true;
            }

            return entries.Values.OrderBy(e => e.Subnet.ToString(), StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>Replaces the content with loaded entries, leaving the list clean.</summary>
    public void Load(IEnumerable<BanEntry> loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        lock (gate)
        {
            entries.Clear();
            foreach (var entry in loaded)
            {
                entries[entry.Subnet] = entry;
            }

            dirty = false;
        }
    }

    public void MarkClean()
    {
        lock (gate)
        {
            dirty = false;
        }
    }
}
