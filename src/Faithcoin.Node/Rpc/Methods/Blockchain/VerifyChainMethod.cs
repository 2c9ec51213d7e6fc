using System.Globalization;
using System.Text.Json.Nodes;
using Faithcoin.Node.Chain.Queries;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>verifychain ( checklevel nblocks ): re-checks the last blocks against the block files, undo data and coins.</summary>
public sealed class VerifyChainMethod(ChainVerifier verifier) : IRpcMethod
{
    public string Name => "verifychain";

    public RpcCategory Category => RpcCategory.Blockchain;

    public IReadOnlyList<string> ArgumentNames { get; } = ["checklevel", "nblocks"];

    public int MinArguments => 0;

    public int MaxArguments => 2;

    public string Help =>
        "verifychain ( checklevel nblocks )\n" +
        "\nVerifies blockchain database.\n" +
        "\nArguments:\n" +
        "1. checklevel   (numeric, optional, 0-4, default=" + ChainVerifier.DefaultCheckLevel.ToString(CultureInfo.InvariantCulture) + ") How thorough the block verification is.\n" +
        "2. nblocks      (numeric, optional, default=" + ChainVerifier.DefaultCheckBlocks.ToString(CultureInfo.InvariantCulture) + ", 0=all) The number of blocks to check.\n" +
        "\nResult:\n" +
        "true|false       (boolean) Verified or not\n" +
        "\nExamples:\n" +
        RpcHelpExamples.Cli(Name, string.Empty) +
        RpcHelpExamples.Rpc(Name, string.Empty);

    public ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var level = parameters.IsNull(0) ? ChainVerifier.DefaultCheckLevel : parameters.GetInt32(0);
        var depth = parameters.IsNull(1) ? ChainVerifier.DefaultCheckBlocks : parameters.GetInt32(1);
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(verifier.Verify(level, depth, cancellationToken)));
    }
}
