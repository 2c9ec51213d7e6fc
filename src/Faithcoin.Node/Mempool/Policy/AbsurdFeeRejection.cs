using System.Globalization;

namespace Faithcoin.Node.Mempool.Policy;

/// <summary>
/// 0.15's "absurdly-high-fee" refusal. Its code is REJECT_HIGHFEE (0x100), one of the internal codes that are
/// never sent to peers, so it does not fit the one-byte BIP61 RejectCode; sendrawtransaction reports it as
/// "256: absurdly-high-fee" (<see cref="ToString"/>).
/// </summary>
public sealed record AbsurdFeeRejection(long Fee, long MaxFee)
{
    public const int RejectHighFee = 0x100;

    public const string Reason = "absurdly-high-fee";

    /// <summary>nAbsurdFee is 0 when the caller allows high fees; then nothing is absurd.</summary>
    public static AbsurdFeeRejection? Check(long fee, long maxFee) =>
        maxFee != 0 && fee > maxFee ? new AbsurdFeeRejection(fee, maxFee) : null;

    public string Debug => string.Create(CultureInfo.InvariantCulture, $"{Fee} > {MaxFee}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RejectHighFee}: {Reason}");
}
