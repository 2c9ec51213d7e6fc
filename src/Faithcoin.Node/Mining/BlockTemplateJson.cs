using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Rpc.Formatting;
using NBitcoin;

namespace Faithcoin.Node.Mining;

/// <summary>
/// getblocktemplate's result (BIP22/23 with BIP9's rules and vbavailable) exactly as 0.15 builds it from a
/// template. Before segwit activates, sigop figures are in legacy units (cost / 4) and the size limit is 1 MB.
/// </summary>
public static class BlockTemplateJson
{
    private const string NonceRange = "00000000ffffffff";

    /// <summary>0.15's longpollid: the tip hash followed by the mempool's transactions-updated counter.</summary>
    public static string LongPollId(uint256 tip, long transactionsUpdated)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return tip.ToString() + transactionsUpdated.ToString(CultureInfo.InvariantCulture);
    }

    /// <exception cref="RpcException">-8 when an active rule the client must support (segwit) is missing.</exception>
    public static JsonObject ToJson(
        BlockTemplate template,
        BlockTemplateRequest request,
        IReadOnlyList<DeploymentStatus> deployments,
        string longPollId)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(longPollId);
        var preSegwit = deployments.All(d => d.Deployment.Id != DeploymentId.Segwit || d.State != ThresholdState.Active);
        var block = template.Block;
        var version = block.Header.Version;
        var rules = new JsonArray();
        var available = new JsonObject();
        foreach (var (deployment, state) in deployments)
        {
            version = ApplyRule(deployment, state, request, version, rules, available);
        }

        var mutable = new JsonArray("time", "transactions", "prevblock");
        if (request.MaxVersionPreVersionBits >= 2)
        {
            mutable.Add("version/force");
        }

        var bits = block.Header.Bits.ToCompact();
        var scale = preSegwit ? ConsensusConstants.WitnessScaleFactor : 1;
        var result = new JsonObject
        {
            ["capabilities"] = new JsonArray("proposal"),
            ["version"] = version,
            ["rules"] = rules,
            ["vbavailable"] = available,
            ["vbrequired"] = 0,
            ["previousblockhash"] = block.Header.HashPrevBlock.ToString(),
            ["transactions"] = Transactions(template, scale),
            ["coinbaseaux"] = new JsonObject { ["flags"] = string.Empty },
            ["coinbasevalue"] = template.CoinbaseValue,
            ["longpollid"] = longPollId,
            ["target"] = ChainWorkHex.TargetFromBits(bits),
            ["mintime"] = template.Previous.GetMedianTimePast() + 1,
            ["mutable"] = mutable,
            ["noncerange"] = NonceRange,
            ["sigoplimit"] = (long)(ConsensusConstants.MaxBlockSigopsCost / scale),
            ["sizelimit"] = (long)(ConsensusConstants.MaxBlockSerializedSize / scale),
        };
        if (!preSegwit)
        {
            result["weightlimit"] = (long)ConsensusConstants.MaxBlockWeight;
        }

        result["curtime"] = block.Header.BlockTime.ToUnixTimeSeconds();
        result["bits"] = BlockHeaderJson.BitsHex(bits);
        result["height"] = (long)template.Height;
        if (template.CoinbaseCommitment.Length > 0 && request.SupportsSegwit)
        {
            result["default_witness_commitment"] = Convert.ToHexStringLower(template.CoinbaseCommitment);
        }

        return result;
    }

    /// <summary>One deployment's effect on rules, vbavailable and the advertised version.</summary>
    private static int ApplyRule(
        Bip9Deployment deployment, ThresholdState state, BlockTemplateRequest request, int version, JsonArray rules, JsonObject available)
    {
        var mask = 1 << deployment.Bit;
        var forced = TemplateRuleNames.IsForced(deployment.Id);
        var clientKnows = request.ClientRules.Contains(deployment.Name);
        switch (state)
        {
            case ThresholdState.LockedIn or ThresholdState.Started:
                if (state == ThresholdState.LockedIn)
                {
                    version |= mask;
                }

                available[TemplateRuleNames.Of(deployment)] = deployment.Bit;
                if (!clientKnows && !forced)
                {
                    // A client that does not know the rule must not signal for it.
                    version &= ~mask;
                }

                break;
            case ThresholdState.Active:
                rules.Add(TemplateRuleNames.Of(deployment));
                if (!clientKnows && !forced)
                {
                    throw new RpcException(
                        RpcErrorCode.InvalidParameter, $"Support for '{deployment.Name}' rule requires explicit client support");
                }

                break;
        }

        return version;
    }

    private static JsonArray Transactions(BlockTemplate template, int sigOpsScale)
    {
        var transactions = new JsonArray();
        var positions = new Dictionary<uint256, int>();
        var txs = template.Block.Transactions;
        for (var i = 0; i < txs.Count; i++)
        {
            var tx = txs[i];
            var txid = tx.GetHash();
            positions[txid] = i;
            if (tx.IsCoinBase)
            {
                continue;
            }

            // One entry per input spending an earlier template transaction, repeats included, as 0.15 lists them.
            var depends = new JsonArray();
            foreach (var input in tx.Inputs)
            {
                if (positions.TryGetValue(input.PrevOut.Hash, out var position))
                {
                    depends.Add(position);
                }
            }

            var stripped = tx.GetSerializedSize(TransactionOptions.None);
            var total = tx.GetSerializedSize(TransactionOptions.Witness);
            transactions.Add(new JsonObject
            {
                ["data"] = tx.ToHex(),
                ["txid"] = txid.ToString(),
                ["hash"] = tx.GetWitHash().ToString(),
                ["depends"] = depends,
                ["fee"] = template.Fees[i],
                ["sigops"] = template.SigOpsCosts[i] / sigOpsScale,
                ["weight"] = (stripped * (ConsensusConstants.WitnessScaleFactor - 1)) + total,
            });
        }

        return transactions;
    }
}
