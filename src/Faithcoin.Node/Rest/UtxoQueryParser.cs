using System.Globalization;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Microsoft.AspNetCore.Http;
using NBitcoin;

namespace Faithcoin.Node.Rest;

/// <summary>
/// The request side of 0.15's rest_getutxos: outpoints in the URI ("[/checkmempool]/txid-n/..."), or for .bin and .hex a
/// posted body, never both; at most 15. Every refusal is 400 with the original's message.
/// </summary>
public static class UtxoQueryParser
{
    public const int MaxOutpoints = 15;

    public static UtxoQuery Parse(string uriPart, ReadOnlySpan<byte> body, out RestReply? error)
    {
        ArgumentNullException.ThrowIfNull(uriPart);
        var (param, format) = RestResource.Parse(uriPart);
        var uriParts = param.Length > 1 ? param[1..].Split('/') : [];
        var empty = new UtxoQuery(false, []);
        if (body.Length == 0 && uriParts.Length == 0)
        {
            error = BadRequest("Error: empty request");
            return empty;
        }

        var checkMempool = uriParts.Length > 0 && uriParts[0] == "checkmempool";
        var outpoints = new List<OutPoint>();
        foreach (var part in uriParts.Skip(checkMempool ? 1 : 0))
        {
            // Without a '-' both halves are the whole part, as the original's substr arithmetic has it.
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var txidText = dash < 0 ? part : part[..dash];
            var outputText = dash < 0 ? part : part[(dash + 1)..];
            if (!TryParseInt32(outputText, out var n) || !IsHex(txidText))
            {
                error = BadRequest("Parse error");
                return empty;
            }

            outpoints.Add(new OutPoint(HashArguments.ParseLenient(txidText), unchecked((uint)n)));
        }

        var inputParsed = outpoints.Count > 0;
        if (uriParts.Length > 0 && !inputParsed)
        {
            error = BadRequest("Error: empty request");
            return empty;
        }

        var query = new UtxoQuery(checkMempool, outpoints);
        switch (format)
        {
            case RestFormat.Hex:
            case RestFormat.Binary:
                var raw = format == RestFormat.Hex ? HexBody.Parse(body) : body.ToArray();
                if (raw.Length > 0)
                {
                    if (inputParsed)
                    {
                        error = BadRequest("Combination of URI scheme inputs and raw post data is not allowed");
                        return empty;
                    }

                    if (!UtxoRequestBody.TryRead(raw, out var posted))
                    {
                        error = BadRequest("Parse error");
                        return empty;
                    }

                    query = posted!;
                }

                break;
            case RestFormat.Json:
                if (!inputParsed)
                {
                    error = BadRequest("Error: empty request");
                    return empty;
                }

                break;
            default:
                error = RestReply.FormatNotFound(RestReply.AllFormats);
                return empty;
        }

        error = query.Outpoints.Count > MaxOutpoints
            ? BadRequest($"Error: max outpoints exceeded (max: {MaxOutpoints}, tried: {query.Outpoints.Count})")
            : null;
        return query;
    }

    private static RestReply BadRequest(string message) => RestReply.Error(StatusCodes.Status400BadRequest, message);

    /// <summary>ParseInt32: no surrounding white space, an optional sign, decimal digits only, within 32 bits.</summary>
    private static bool TryParseInt32(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        && text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]);

    /// <summary>IsHex: a non-empty, even number of hex digits.</summary>
    private static bool IsHex(string text) => text.Length > 0 && text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit);
}
