using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>Core 0.15's blockheaderToJSON (getblockheader verbose), from the header's block index entry.</summary>
public static class BlockHeaderJson
{
    /// <param name="confirmations">Tip height - height + 1 in the active chain, -1 off it.</param>
    /// <param name="nextBlockHash">The next block in the active chain, if any.</param>
    public static JsonObject ToJson(ChainedHeader entry, int confirmations, uint256? nextBlockHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var header = entry.Header;
        var result = new JsonObject
        {
            ["hash"] = entry.HashBlock.ToString(),
            ["confirmations"] = confirmations,
            ["height"] = entry.Height,
            ["version"] = header.Version,
            ["versionHex"] = VersionHex(header.Version),
            ["merkleroot"] = header.HashMerkleRoot.ToString(),
            ["time"] = (long)entry.Time,
            ["mediantime"] = entry.GetMedianTimePast(),
            ["nonce"] = header.Nonce,
            ["bits"] = BitsHex(entry.Bits),
            ["difficulty"] = Difficulty.ToJson(entry.Bits),
            ["chainwork"] = ChainWorkHex.Format(entry.ChainWork),
        };
        AppendNeighbours(result, entry, nextBlockHash);
        return result;
    }

    /// <summary>strprintf("%08x", nVersion): a negative version prints as its 32-bit two's complement.</summary>
    public static string VersionHex(int version) => unchecked((uint)version).ToString("x8", CultureInfo.InvariantCulture);

    public static string BitsHex(uint bits) => bits.ToString("x8", CultureInfo.InvariantCulture);

    internal static void AppendNeighbours(JsonObject result, ChainedHeader entry, uint256? nextBlockHash)
    {
        if (entry.Previous is { } previous)
        {
            result["previousblockhash"] = previous.HashBlock.ToString();
        }

        if (nextBlockHash is not null)
        {
            result["nextblockhash"] = nextBlockHash.ToString();
        }
    }
}
