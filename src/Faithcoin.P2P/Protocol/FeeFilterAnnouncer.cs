using Faithcoin.P2P.Wire;
using NBitcoin;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// The feefilter part of SendMessages: tell peers that understand it our minimum fee rate, on average every
/// ten minutes (Poisson-spaced) and only when it changed. Without a mempool the rate is -minrelaytxfee,
/// which is what 0.15 sends while its mempool is not full.
/// </summary>
public sealed class FeeFilterAnnouncer
{
    private static readonly TimeSpan AverageInterval = TimeSpan.FromMinutes(10);

    private readonly P2POptions options;
    private readonly TimeProvider time;

    public FeeFilterAnnouncer(P2POptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.time = time;
    }

    public void AnnounceIfDue(PeerContext peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var state = peer.State;
        if (!options.FeeFilter || state.Version < ProtocolVersions.FeeFilter)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (now <= state.NextFeeFilterSend)
        {
            return;
        }

        var rate = options.MinRelayTxFeePerKb;
        if (rate != state.LastSentFeeFilter)
        {
            peer.Send(NetCommands.FeeFilter, new FeeFilterPayload { FeeRate = new FeeRate(Money.Satoshis(rate)) });
            state.LastSentFeeFilter = rate;
        }

        state.NextFeeFilterSend = now + PoissonDelay();
    }

    private static TimeSpan PoissonDelay()
    {
        var uniform = 1.0 - Random.Shared.NextDouble();
        return TimeSpan.FromTicks((long)(-Math.Log(uniform) * AverageInterval.Ticks));
    }
}
