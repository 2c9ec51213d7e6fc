using Faithcoin.Node.Mempool;
using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;

namespace Faithcoin.Node.Rest;

/// <summary>
/// /rest/getutxos: which of up to 15 outpoints are unspent, with the tip they were checked against (BIP64's answer).
/// </summary>
public sealed class RestUtxoEndpoint(ChainManager chain, ChainParams chainParams, IMempoolView pool)
{
    // MEMPOOL_HEIGHT: the height an output of a pool transaction reports.
    private const int MempoolHeight = 0x7FFFFFFF;

    private sealed record FoundCoin(int Height, TxOut Output);

    public RestReply Handle(string uriPart, ReadOnlySpan<byte> body)
    {
        var query = UtxoQueryParser.Parse(uriPart, body, out var error);
        if (error is not null)
        {
            return error;
        }

        var (height, tipHash, coins) = chain.ReadLocked(context =>
        {
            var found = query.Outpoints.Select(outpoint =>
            {
                // 0.15 looks through a cache whose backend is a dummy view unless checkmempool is given, so without
                // it nothing is ever found (Core fixed this only in 0.17, PR 12717); faithcoind answers as 0.15 does.
                if (!query.CheckMempool)
                {
                    return null;
                }

                if (pool.GetTransaction(outpoint.Hash) is { } poolTx)
                {
                    return outpoint.N < poolTx.Outputs.Count ? new FoundCoin(MempoolHeight, poolTx.Outputs[(int)outpoint.N]) : null;
                }

                return context.Coins.GetCoin(outpoint) is { } coin ? new FoundCoin(coin.Height, coin.Output) : null;
            }).Select((coin, i) => coin is not null && !pool.IsSpent(query.Outpoints[i]) ? coin : null).ToArray();
            return (context.Active.Height, context.Active.Tip!.HashBlock, found);
        });

        var bitmap = new byte[(coins.Length + 7) / 8];
        for (var i = 0; i < coins.Length; i++)
        {
            if (coins[i] is not null)
            {
                bitmap[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        var hits = coins.OfType<FoundCoin>().ToArray();
        return RestReply.Serialized(
            UtxoFormat(uriPart),
            Serialize(height, tipHash, bitmap, hits),
            () => Json(height, tipHash, coins, hits),
            RestReply.AllFormats);
    }

    private static RestFormat UtxoFormat(string uriPart) => RestResource.Parse(uriPart).Format;

    /// <summary>BIP64: height, tip hash, the bitmap and the coins (each after a zero "transaction version").</summary>
    private static byte[] Serialize(int height, uint256 tipHash, byte[] bitmap, IReadOnlyList<FoundCoin> hits)
    {
        using var stream = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, height);
        stream.Write(word);
        stream.Write(tipHash.ToBytes());
        stream.Write(UtxoRequestBody.CompactSize(bitmap.Length));
        stream.Write(bitmap);
        stream.Write(UtxoRequestBody.CompactSize(hits.Count));
        foreach (var hit in hits)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, 0);
            stream.Write(word);
            BinaryPrimitives.WriteUInt32LittleEndian(word, unchecked((uint)hit.Height));
            stream.Write(word);
            stream.Write(hit.Output.ToBytes());
        }

        return stream.ToArray();
    }

    private JsonObject Json(int height, uint256 tipHash, FoundCoin?[] coins, IReadOnlyList<FoundCoin> hits)
    {
        var utxos = new JsonArray();
        foreach (var hit in hits)
        {
            utxos.Add(new JsonObject
            {
                ["height"] = hit.Height,
                ["value"] = AmountJson.ToJson(hit.Output.Value.Satoshi),
                ["scriptPubKey"] = ScriptPubKeyJson.ToJson(hit.Output.ScriptPubKey, chainParams.Network),
            });
        }

        return new JsonObject
        {
            ["chainHeight"] = height,
            ["chaintipHash"] = tipHash.ToString(),
            ["bitmap"] = string.Concat(coins.Select(c => c is null ? '0' : '1')),
            ["utxos"] = utxos,
        };
    }
}
