using Faithcoin.Consensus.Scripting;
using NBitcoin;

namespace Faithcoin.Consensus.Coins;

/// <summary>
/// An in-memory overlay on another coins view (Core's CCoinsViewCache): connect or disconnect blocks here, then
/// <see cref="Flush"/> the changes down, or drop the cache to forget them. Not thread-safe; script checks never
/// touch it because each carries the outputs it spends.
/// </summary>
public sealed class CoinsViewCache : ICoinsViewWriter
{
    private readonly ICoinsView parent;
    private readonly Dictionary<OutPoint, Entry> entries = new();
    private uint256? bestBlock;

    public CoinsViewCache(ICoinsView parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        this.parent = parent;
    }

    public uint256 BestBlock
    {
        get => bestBlock ?? parent.BestBlock;
        set => bestBlock = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Number of cached outpoints, spent ones included; the node's cache size limit counts these.</summary>
    public int CachedCount => entries.Count;

    public Coin? GetCoin(OutPoint outpoint)
    {
        ArgumentNullException.ThrowIfNull(outpoint);
        return Fetch(outpoint)?.Coin;
    }

    public bool HaveCoin(OutPoint outpoint) => GetCoin(outpoint) is not null;

    /// <summary>
    /// Adds an output (unspendable ones are skipped, as they can never be spent). Unless
    /// <paramref name="possibleOverwrite"/> is set, replacing an unspent coin is a caller bug (Core's logic_error).
    /// </summary>
    public void AddCoin(OutPoint outpoint, Coin coin, bool possibleOverwrite)
    {
        ArgumentNullException.ThrowIfNull(outpoint);
        ArgumentNullException.ThrowIfNull(coin);
        if (ScriptPatterns.IsUnspendable(coin.Output.ScriptPubKey.ToBytes(true)))
        {
            return;
        }

        var fresh = false;
        if (!entries.TryGetValue(outpoint, out var entry))
        {
            entry = new Entry();
            entries.Add(outpoint, entry);
            fresh = !possibleOverwrite;
        }
        else if (!possibleOverwrite)
        {
            if (entry.Coin is not null)
            {
                throw new InvalidOperationException($"Adding new coin {outpoint} that replaces an unspent one.");
            }

            // A spent entry that was never written down means the parent does not have the coin either.
            fresh = !entry.Dirty;
        }

        entry.Coin = coin;
        entry.Dirty = true;
        entry.Fresh |= fresh;
    }

    /// <summary>Adds every output of a transaction (Core's AddCoins); coinbases may overwrite (pre-BIP34 duplicates).</summary>
    public void AddTransactionOutputs(Transaction tx, int height, uint256? txid = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var hash = txid ?? tx.GetHash();
        var coinbase = tx.IsCoinBase;
        for (var i = 0; i < tx.Outputs.Count; i++)
        {
            AddCoin(new OutPoint(hash, i), new Coin(tx.Outputs[i], height, coinbase), coinbase);
        }
    }

    /// <summary>Spends a coin and returns it (for undo data), or null when there was nothing to spend.</summary>
    public Coin? SpendCoin(OutPoint outpoint)
    {
        ArgumentNullException.ThrowIfNull(outpoint);
        var entry = Fetch(outpoint);
        if (entry?.Coin is null)
        {
            return null;
        }

        var coin = entry.Coin;
        if (entry.Fresh)
        {
            entries.Remove(outpoint);
        }
        else
        {
            entry.Coin = null;
            entry.Dirty = true;
        }

        return coin;
    }

    /// <summary>The changes made in this cache, for a store that persists them itself.</summary>
    public IReadOnlyCollection<CoinChange> GetChanges() =>
        entries.Where(e => e.Value.Dirty).Select(e => new CoinChange(e.Key, e.Value.Coin, e.Value.Fresh)).ToList();

    /// <summary>Writes the changes and best block into the parent and empties this cache.</summary>
    public void Flush()
    {
        if (parent is not ICoinsViewWriter writer)
        {
            throw new InvalidOperationException("The parent view cannot be written to.");
        }

        writer.BatchWrite(GetChanges(), BestBlock);
        entries.Clear();
    }

    public void BatchWrite(IReadOnlyCollection<CoinChange> changes, uint256 newBestBlock)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            if (!entries.TryGetValue(change.Outpoint, out var entry))
            {
                // A coin created and spent above us without ever reaching here needs no record.
                if (!(change.Fresh && change.Coin is null))
                {
                    entries.Add(change.Outpoint, new Entry { Coin = change.Coin, Dirty = true, Fresh = change.Fresh });
                }

                continue;
            }

            if (change.Fresh && entry.Coin is not null)
            {
                throw new InvalidOperationException($"Coin {change.Outpoint} marked fresh but present below.");
            }

            if (entry.Fresh && change.Coin is null)
            {
                entries.Remove(change.Outpoint);
            }
            else
            {
                entry.Coin = change.Coin;
                entry.Dirty = true;
            }
        }

        BestBlock = newBestBlock;
    }

    private Entry? Fetch(OutPoint outpoint)
    {
        if (entries.TryGetValue(outpoint, out var entry))
        {
            return entry;
        }

        var coin = parent.GetCoin(outpoint);
        if (coin is null)
        {
            return null;
        }

        entry = new Entry { Coin = coin };
        entries.Add(outpoint, entry);
        return entry;
    }

    private sealed class Entry
    {
        /// <summary>Null once spent.</summary>
        public Coin? Coin { get; set; }

        /// <summary>Differs from the parent.</summary>
        public bool Dirty { get; set; }

        /// <summary>The parent does not have this coin.</summary>
        public bool Fresh { get; set; }
    }
}
