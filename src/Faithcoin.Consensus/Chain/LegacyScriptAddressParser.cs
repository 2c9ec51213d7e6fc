using NBitcoin;
using NBitcoin.DataEncoders;

namespace Faithcoin.Consensus.Chain;

/// <summary>
/// Accepts P2SH addresses written with the pre-0.15 script prefix (5 on main, 196 on test) as Litecoin 0.15
/// does, turning them into the same script id the new prefix names.
/// </summary>
public sealed class LegacyScriptAddressParser : NetworkStringParser
{
    private readonly byte legacyScriptPrefix;

    public LegacyScriptAddressParser(byte legacyScriptPrefix)
    {
        this.legacyScriptPrefix = legacyScriptPrefix;
    }

    public override bool TryParse(string str, Network network, Type targetType, out IBitcoinString? result)
    {
        if (targetType.IsAssignableFrom(typeof(BitcoinScriptAddress)) && TryDecodeLegacy(str, out var scriptId))
        {
            result = new BitcoinScriptAddress(scriptId, network);
            return true;
        }

        return base.TryParse(str, network, targetType, out result);
    }

    private bool TryDecodeLegacy(string str, out ScriptId scriptId)
    {
        scriptId = null!;
        byte[] data;
        try
        {
            data = Encoders.Base58Check.DecodeData(str);
        }
        catch (FormatException)
        {
            return false;
        }

        if (data.Length != 21 || data[0] != legacyScriptPrefix)
        {
            return false;
        }

        scriptId = new ScriptId(data.AsSpan(1).ToArray());
        return true;
    }
}
