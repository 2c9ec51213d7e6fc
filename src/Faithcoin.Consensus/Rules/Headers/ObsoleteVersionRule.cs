using System.Globalization;
using Faithcoin.Consensus.Validation;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Headers;

/// <summary>
/// bad-version(0x%08x): after the buried BIP34, BIP66 and BIP65 heights, headers must carry at least version
/// 2, 3 and 4 respectively. REJECT_OBSOLETE with DoS 0: an old miner is not an attacker.
/// </summary>
public sealed class ObsoleteVersionRule : IContextualHeaderRule
{
    public ValidationError? Check(BlockHeader header, HeaderRuleContext context)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(context);
        var height = context.Height;
        var consensus = context.Consensus;
        var version = header.Version;
        var obsolete = (version < 2 && height >= consensus.Bip34Height) ||
                       (version < 3 && height >= consensus.Bip66Height) ||
                       (version < 4 && height >= consensus.Bip65Height);
        if (!obsolete)
        {
            return null;
        }

        // %08x of a signed int prints its two's-complement bits, so negative versions show as 8 hex digits.
        var hex = ((uint)version).ToString("x8", CultureInfo.InvariantCulture);
        return new ValidationError($"bad-version(0x{hex})", 0, RejectCode.Obsolete, Debug: $"rejected nVersion=0x{hex} block");
    }
}
