using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// getblockchaininfo's "softforks" and "bip9_softforks" as 0.15 prints them for a tip. 0.15 lists the buried
/// BIP34/66/65 forks by height and the csv and segwit deployments by name (testdummy is never shown). The deployment
/// states are memoised in a cache of its own, so this works for any chain view and never takes the chain's lock.
/// </summary>
public sealed class SoftForkJson
{
    private static readonly DeploymentId[] Listed = [DeploymentId.Csv, DeploymentId.Segwit];

    private readonly ConsensusParams consensus;
    private readonly VersionBitsStateMachine versionBits;
    private readonly Lock gate = new();

    public SoftForkJson(ConsensusParams consensus)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        this.consensus = consensus;
        versionBits = new VersionBitsStateMachine(consensus, new VersionBitsCache());
    }

    public JsonArray SoftForks(ChainedHeader tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return
        [
            Buried("bip34", 2, tip.Height >= consensus.Bip34Height),
            Buried("bip66", 3, tip.Height >= consensus.Bip66Height),
            Buried("bip65", 4, tip.Height >= consensus.Bip65Height),
        ];
    }

    public JsonObject Bip9SoftForks(ChainedHeader tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        var result = new JsonObject();
        lock (gate)
        {
            foreach (var id in Listed)
            {
                var deployment = consensus.GetDeployment(id);
                result[deployment.Name] = Describe(deployment, tip);
            }
        }

        return result;
    }

    private static JsonObject Buried(string id, int version, bool active) => new()
    {
        ["id"] = id,
        ["version"] = version,
        ["reject"] = new JsonObject { ["status"] = active },
    };

    private JsonObject Describe(Bip9Deployment deployment, ChainedHeader tip)
    {
        // The state of the block after the tip, as 0.15's VersionBitsTipState.
        var state = versionBits.GetState(tip, deployment.Id);
        var result = new JsonObject { ["status"] = ThresholdStateNames.Of(state) };
        if (state == ThresholdState.Started)
        {
            result["bit"] = deployment.Bit;
        }

        result["startTime"] = deployment.StartTime;
        result["timeout"] = deployment.Timeout;
        result["since"] = versionBits.GetStateSinceHeight(tip, deployment.Id);
        if (state == ThresholdState.Started)
        {
            var statistics = versionBits.GetStatistics(tip, deployment.Id);
            result["statistics"] = new JsonObject
            {
                ["period"] = statistics.Period,
                ["threshold"] = statistics.Threshold,
                ["elapsed"] = statistics.Elapsed,
                ["count"] = statistics.Count,
                ["possible"] = statistics.Possible,
            };
        }

        return result;
    }
}
