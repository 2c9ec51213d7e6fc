using System.Globalization;
using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's CFeeRate (named apart from NBitcoin's FeeRate): satoshis per 1,000 bytes, integer arithmetic
/// throughout. <see cref="GetFee"/> truncates, but a non-zero rate never yields a zero fee for a non-empty size,
/// so a tiny transaction still pays one satoshi.
/// </summary>
public readonly record struct PolicyFeeRate(long SatoshisPerK) : IComparable<PolicyFeeRate>
{
    /// <summary>CFeeRate(nFeePaid, nBytes): the rate a fee pays for a size, truncated; zero for an empty size.</summary>
    public static PolicyFeeRate FromFee(long fee, long size) => new(size > 0 ? fee * 1000 / size : 0);

    public static bool operator <(PolicyFeeRate left, PolicyFeeRate right) => left.SatoshisPerK < right.SatoshisPerK;

    public static bool operator >(PolicyFeeRate left, PolicyFeeRate right) => left.SatoshisPerK > right.SatoshisPerK;

    public static bool operator <=(PolicyFeeRate left, PolicyFeeRate right) => left.SatoshisPerK <= right.SatoshisPerK;

    public static bool operator >=(PolicyFeeRate left, PolicyFeeRate right) => left.SatoshisPerK >= right.SatoshisPerK;

    public long GetFee(long size)
    {
        var fee = SatoshisPerK * size / 1000;
        if (fee == 0 && size != 0)
        {
            fee = Math.Sign(SatoshisPerK);
        }

        return fee;
    }

    public int CompareTo(PolicyFeeRate other) => SatoshisPerK.CompareTo(other.SatoshisPerK);

    /// <summary>CFeeRate::ToString, as log lines and reject messages show a rate: "0.00100000 LTC/kB".</summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{SatoshisPerK / ConsensusConstants.Coin}.{Math.Abs(SatoshisPerK % ConsensusConstants.Coin):D8} {MoneyText.CurrencyUnit}/kB");
}
