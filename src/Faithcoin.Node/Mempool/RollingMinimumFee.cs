namespace Faithcoin.Node.Mempool;

/// <summary>
/// The dynamic entry fee of a full pool (0.15's rollingMinimumFeeRate): raised above every package evicted by
/// -maxmempool, then halving every 12 hours once a block has arrived, faster while the pool is small, and dropped
/// to zero below half the incremental relay fee. Not thread-safe: <see cref="TransactionPool"/> holds its lock.
/// </summary>
public sealed class RollingMinimumFee(long incrementalRelayFeePerKilobyte, TimeProvider time)
{
    private const double HalfLifeSeconds = 60 * 60 * 12;

    private double rate;
    private long lastUpdate;
    private bool blockSinceLastBump;

    /// <summary>GetMinFee: the rate in satoshis per 1,000 vbytes given the pool's memory use and limit.</summary>
    public long Current(long usage, long sizeLimit)
    {
        if (!blockSinceLastBump || rate == 0)
        {
            return (long)Math.Round(rate);
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (now > lastUpdate + 10)
        {
            var halfLife = HalfLifeSeconds;
            if (usage < sizeLimit / 4)
            {
                halfLife /= 4;
            }
            else if (usage < sizeLimit / 2)
            {
                halfLife /= 2;
            }

            rate /= Math.Pow(2.0, (now - lastUpdate) / halfLife);
            lastUpdate = now;
            if (rate < incrementalRelayFeePerKilobyte / 2.0)
            {
                rate = 0;
                return 0;
            }
        }

        return Math.Max((long)Math.Round(rate), incrementalRelayFeePerKilobyte);
    }

    /// <summary>An evicted package's fee rate; the minimum rises to it plus the incremental relay fee.</summary>
    public void TrackPackageRemoved(long packageFeePerKilobyte)
    {
        var bumped = packageFeePerKilobyte + incrementalRelayFeePerKilobyte;
        if (bumped > rate)
        {
            rate = bumped;
            blockSinceLastBump = false;
        }
    }

    /// <summary>removeForBlock's part: decay starts from the time of the block.</summary>
    public void NoteBlock()
    {
        lastUpdate = time.GetUtcNow().ToUnixTimeSeconds();
        blockSinceLastBump = true;
    }
}
