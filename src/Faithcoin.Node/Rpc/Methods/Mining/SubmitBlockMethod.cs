using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Mining;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>
/// submitblock "hexdata" ( "jsonparametersobject" ): BIP22. A block whose parent is known first gets the witness
/// nonce its commitment needs once segwit is active (miners may leave it out), then goes through ProcessNewBlock.
/// </summary>
public sealed class SubmitBlockMethod(ChainManager chain) : IRpcMethod
{
    public string Name => "submitblock";

    public RpcCategory Category => RpcCategory.Mining;

    public IReadOnlyList<string> ArgumentNames { get; } = ["hexdata", "parameters"];

    public int MinArguments => 1;

    public int MaxArguments => 2;

    public string Help =>
        "submitblock \"hexdata\" ( \"jsonparametersobject\" )\n" +
        "\nAttempts to submit new block to network.\n" +
        "The 'jsonparametersobject' parameter is currently ignored.\n" +
        "See https://en.bitcoin.it/wiki/BIP_0022 for full specification.\n" +
        "\nArguments\n" +
        "1. \"hexdata\"        (string, required) the hex-encoded block data to submit\n" +
        "2. \"parameters\"     (string, optional) object of optional parameters\n" +
        "    {\n" +
        "      \"workid\" : \"id\"    (string, optional) if the server provided a workid, it MUST be included with submissions\n" +
        "    }\n" +
        "\nResult:\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, "\"mydata\"") +
        RpcHelpExamples.Rpc(Name, "\"mydata\"");

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var block = SubmittedBlockDecoder.Decode(parameters.GetString(0));
        if (chain.FindBlock(block.Header.HashPrevBlock) is { } parent)
        {
            var consensus = chain.ChainParams.Consensus;
            var segwitActive = chain.ReadLocked(context => context.VersionBits(consensus).IsActive(parent, DeploymentId.Segwit));
            WitnessCommitmentBuilder.UpdateUncommittedStructures(block, segwitActive);
        }

        var outcome = chain.SubmitBlock(block);
        return ValueTask.FromResult<JsonNode?>(outcome.Result is null ? null : JsonValue.Create(outcome.Result));
    }
}
