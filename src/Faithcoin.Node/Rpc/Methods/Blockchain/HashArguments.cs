using System.Globalization;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// The two ways 0.15 reads a hash argument: uint256S, which never fails (getblock, gettxout, waitforblock, ...), and
/// ParseHashV, which insists on 64 hex digits (getrawtransaction).
/// </summary>
public static class HashArguments
{
    private const int HexLength = 64;

    /// <summary>
    /// uint256S: skips leading white space and a "0x", takes the run of hex digits that follows and keeps its last 64,
    /// as the original's SetHex does; anything else reads as zero, so an odd hash is simply "not found".
    /// </summary>
    public static uint256 ParseLenient(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan().TrimStart(" \t\n\v\f\r");
        if (span.Length >= 2 && span[0] == '0' && (span[1] == 'x' || span[1] == 'X'))
        {
            span = span[2..];
        }

        var digits = 0;
        while (digits < span.Length && char.IsAsciiHexDigit(span[digits]))
        {
            digits++;
        }

        var run = span[..digits];
        if (run.Length > HexLength)
        {
            run = run[^HexLength..];
        }

        return uint256.Parse(run.ToString().PadLeft(HexLength, '0'));
    }

    /// <summary>ParseHashV: -8 unless the value is exactly 64 hex digits.</summary>
    public static uint256 ParseStrict(RpcParameters parameters, int index, string name)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var value = parameters[index];
        var text = value is { ValueKind: System.Text.Json.JsonValueKind.String } s ? s.GetString()! : string.Empty;
        if (text.Length == 0 || text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} must be hexadecimal string (not '{text}')");
        }

        if (text.Length != HexLength)
        {
            throw new RpcException(
                RpcErrorCode.InvalidParameter,
                string.Create(CultureInfo.InvariantCulture, $"{name} must be of length {HexLength} (not {text.Length})"));
        }

        return uint256.Parse(text);
    }
}
