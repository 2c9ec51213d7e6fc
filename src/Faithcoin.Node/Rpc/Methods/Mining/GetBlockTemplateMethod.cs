using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Chain;
using Faithcoin.Node.Chain.Queries;
using Faithcoin.Node.Mempool;
using Faithcoin.Node.Mining;
using Faithcoin.Node.Networking;
using Faithcoin.Node.Rpc.Methods.Blockchain;
using Faithcoin.Node.Storage;

namespace Faithcoin.Node.Rpc.Methods.Mining;

/// <summary>
/// getblocktemplate ( TemplateRequest ): BIP22/23 with BIP9's rules. "template" mode serves the cached template
/// (after a long poll when a longpollid is given); "proposal" mode checks a block against the tip without storing it.
/// </summary>
public sealed class GetBlockTemplateMethod(
    ChainManager chain,
    BlockTemplateCache templates,
    BlockValidityTester tester,
    TipChangeWaiter waiter,
    TransactionPool pool,
    NetworkState network) : IRpcMethod
{
    private long MempoolTransactionsUpdated => pool.TransactionsUpdated;

    /// <summary>GetNodeCount(CONNECTIONS_ALL): no running P2P node counts as none.</summary>
    private int ConnectedPeers => network.Node?.GetPeers().Count ?? 0;

    public string Name => "getblocktemplate";

    public RpcCategory Category => RpcCategory.Mining;

    public IReadOnlyList<string> ArgumentNames { get; } = ["template_request"];

    public int MinArguments => 0;

    public int MaxArguments => 1;

    public string Help => GetBlockTemplateHelp.Text;

    public async ValueTask<JsonNode?> ExecuteAsync(RpcParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var mode = "template";
        JsonElement? longPollId = null;
        var clientRules = new HashSet<string>(StringComparer.Ordinal);
        long maxVersion = -1;
        if (parameters[0] is { } request)
        {
            if (request.ValueKind != JsonValueKind.Object)
            {
                throw new RpcException(RpcErrorCode.MiscError, "JSON value is not an object as expected");
            }

            mode = ReadMode(request);
            longPollId = Find(request, "longpollid");
            if (mode == "proposal")
            {
                return Propose(request);
            }

            if (Find(request, "rules") is { ValueKind: JsonValueKind.Array } rules)
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    clientRules.Add(rule.ValueKind == JsonValueKind.String
                        ? rule.GetString()!
                        : throw new RpcException(RpcErrorCode.MiscError, "JSON value is not a string as expected"));
                }
            }
            else if (Find(request, "maxversion") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt64(out var value))
            {
                // Read only from clients that know no rules, as 0.15 does.
                maxVersion = value;
            }
        }

        if (mode != "template")
        {
            throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid mode");
        }

        // 0.15 skips the connection checks where blocks are mined on demand (regtest).
        if (!chain.ChainParams.MineBlocksOnDemand)
        {
            if (ConnectedPeers == 0)
            {
                throw new RpcException(RpcErrorCode.ClientNotConnected, "Faithcoin is not connected!");
            }

            if (chain.IsInitialBlockDownload())
            {
                throw new RpcException(RpcErrorCode.ClientInInitialDownload, "Faithcoin is downloading blocks...");
            }
        }

        if (longPollId is { } poll)
        {
            await LongPollAsync(poll, cancellationToken).ConfigureAwait(false);
        }

        var templateRequest = new BlockTemplateRequest(clientRules, maxVersion);
        var tip = chain.Tip;
        var consensus = chain.ChainParams.Consensus;
        return templates.Use(tip, templateRequest.SupportsSegwit, MempoolTransactionsUpdated, template =>
        {
            var deployments = chain.ReadLocked(context => DeploymentStatus.For(consensus, context.VersionBits(consensus), template.Previous));
            var id = BlockTemplateJson.LongPollId(chain.Tip.HashBlock, templates.TransactionsUpdated);
            return (JsonNode?)BlockTemplateJson.ToJson(template, templateRequest, deployments, id);
        });
    }

    private static string ReadMode(JsonElement request) => Find(request, "mode") switch
    {
        null => "template",
        { ValueKind: JsonValueKind.String } text => text.GetString()!,
        _ => throw new RpcException(RpcErrorCode.InvalidParameter, "Invalid mode"),
    };

    private static JsonElement? Find(JsonElement request, string name) =>
        request.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>BIP23: a block proposed by a miner, checked as TestBlockValidity would on the current tip.</summary>
    private JsonNode? Propose(JsonElement request)
    {
        if (Find(request, "data") is not { ValueKind: JsonValueKind.String } data)
        {
            throw new RpcException(RpcErrorCode.TypeError, "Missing data String key for proposal");
        }

        var block = ProposalDecoder.Decode(data.GetString()!);
        if (chain.FindBlock(block.GetHash()) is { } known)
        {
            return known.IsValid(BlockStatus.ValidScripts) ? "duplicate"
                : known.IsFailed ? "duplicate-invalid"
                : "duplicate-inconclusive";
        }

        try
        {
            var error = tester.Test(block);
            return error is null ? null : error.Reason.Length == 0 ? "rejected" : error.Reason;
        }
        catch (InvalidOperationException)
        {
            // The tester only works on the current tip, whether the block was built elsewhere or the tip moved.
            return "inconclusive-not-best-prevblk";
        }
    }

    /// <summary>
    /// Waits until the tip differs from the one in the long poll id, or (checked a minute in, then every ten seconds)
    /// the mempool changed since the id was issued.
    /// </summary>
    private async Task LongPollAsync(JsonElement poll, CancellationToken cancellationToken)
    {
        var watched = chain.Tip.HashBlock;
        var transactionsUpdated = templates.TransactionsUpdated;
        if (poll.ValueKind == JsonValueKind.String)
        {
            var text = poll.GetString()!;
            watched = HashArguments.ParseLenient(text.Length > 64 ? text[..64] : text);
            transactionsUpdated = AtoI64(text.Length > 64 ? text[64..] : string.Empty);
        }

        var wait = TimeSpan.FromMinutes(1);
        while (true)
        {
            var tip = await waiter.WaitAsync(t => t.HashBlock != watched, wait, cancellationToken).ConfigureAwait(false);
            if (tip.HashBlock != watched || waiter.Stopping.IsCancellationRequested || MempoolTransactionsUpdated != transactionsUpdated)
            {
                break;
            }

            wait = TimeSpan.FromSeconds(10);
        }

        if (waiter.Stopping.IsCancellationRequested)
        {
            throw new RpcException(RpcErrorCode.ClientNotConnected, "Shutting down");
        }
    }

    /// <summary>atoi64: leading white space, an optional sign, then digits; anything else ends the number (0 if none).</summary>
    private static long AtoI64(string text)
    {
        var span = text.AsSpan().TrimStart();
        var length = span.Length > 0 && (span[0] == '-' || span[0] == '+') ? 1 : 0;
        while (length < span.Length && char.IsAsciiDigit(span[length]))
        {
            length++;
        }

        return long.TryParse(span[..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
