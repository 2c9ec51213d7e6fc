using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Node.Mining;
using Faithcoin.Node.Rpc;
using Faithcoin.Node.Tests.Formatting;
using Faithcoin.Node.Tests.Statistics;
using NBitcoin;

namespace Faithcoin.Node.Tests.Mining;

/// <summary>getblocktemplate's result shape as 0.15 builds it.</summary>
public sealed class BlockTemplateJsonTests(SliceFixture fixture) : IClassFixture<SliceFixture>
{
    private const string GenesisHash = "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d";
    private static readonly BlockTemplateRequest SegwitClient = new(new HashSet<string> { "segwit" });
    private static readonly BlockTemplateRequest LegacyClient = new(new HashSet<string>());

    [Fact]
    public void FirstTemplateOnGenesis()
    {
        var template = TemplateOnGenesis(out var states);

        Assert.Equal(
            "{\"capabilities\":[\"proposal\"],\"version\":536870912,\"rules\":[],\"vbavailable\":{},\"vbrequired\":0," +
            "\"previousblockhash\":\"" + GenesisHash + "\",\"transactions\":[],\"coinbaseaux\":{\"flags\":\"\"}," +
            "\"coinbasevalue\":5000000000,\"longpollid\":\"" + GenesisHash + "7\"," +
            "\"target\":\"7fffff0000000000000000000000000000000000000000000000000000000000\",\"mintime\":1296688603," +
            "\"mutable\":[\"time\",\"transactions\",\"prevblock\"],\"noncerange\":\"00000000ffffffff\"," +
            "\"sigoplimit\":20000,\"sizelimit\":1000000,\"curtime\":1296688752,\"bits\":\"207fffff\",\"height\":1," +
            "\"default_witness_commitment\":\"6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9\"}",
            WireJson.Of(BlockTemplateJson.ToJson(template, SegwitClient, states, BlockTemplateJson.LongPollId(uint256.Parse(GenesisHash), 7))));
    }

    [Fact]
    public void TheCommitmentIsOnlyOfferedToSegwitClients()
    {
        var template = TemplateOnGenesis(out var states);

        var json = BlockTemplateJson.ToJson(template, LegacyClient, states, "x");

        Assert.False(json.ContainsKey("default_witness_commitment"));
    }

    [Fact]
    public void StartedDeploymentsAreAvailableAndUnknownSegwitIsNotSignalled()
    {
        var template = TemplateOnGenesis(out _);
        template.Block.Header.Version = 0x30000003;
        var started = States(ThresholdState.Started, ThresholdState.Started, ThresholdState.Started);

        var legacy = BlockTemplateJson.ToJson(template, LegacyClient, started, "x");
        var segwit = BlockTemplateJson.ToJson(template, SegwitClient, started, "x");

        Assert.Equal("{\"testdummy\":28,\"csv\":0,\"!segwit\":1}", WireJson.Of(legacy["vbavailable"]!));
        Assert.Equal(0x30000001, (int)legacy["version"]!);
        Assert.Equal(0x30000003, (int)segwit["version"]!);
        Assert.Equal("[]", WireJson.Of(legacy["rules"]!));
        Assert.Equal(0x30000003, template.Block.Header.Version);
    }

    [Fact]
    public void LockedInDeploymentsAreSignalledAnyway()
    {
        var template = TemplateOnGenesis(out _);
        template.Block.Header.Version = 0x20000000;

        var json = BlockTemplateJson.ToJson(template, SegwitClient, States(ThresholdState.Failed, ThresholdState.LockedIn, ThresholdState.LockedIn), "x");

        Assert.Equal(0x20000003, (int)json["version"]!);
        Assert.Equal("{\"csv\":0,\"!segwit\":1}", WireJson.Of(json["vbavailable"]!));
    }

    [Fact]
    public void ActiveSegwitRaisesTheLimitsAndNeedsClientSupport()
    {
        var template = TemplateOnGenesis(out _);
        var active = States(ThresholdState.Active, ThresholdState.Active, ThresholdState.Active);

        var json = BlockTemplateJson.ToJson(template, SegwitClient, active, "x");
        var refused = Assert.Throws<RpcException>(() => BlockTemplateJson.ToJson(template, LegacyClient, active, "x"));

        Assert.Equal("[\"testdummy\",\"csv\",\"!segwit\"]", WireJson.Of(json["rules"]!));
        Assert.Equal("{}", WireJson.Of(json["vbavailable"]!));
        Assert.Equal(80000, (long)json["sigoplimit"]!);
        Assert.Equal(4000000, (long)json["sizelimit"]!);
        Assert.Equal(4000000, (long)json["weightlimit"]!);
        Assert.Equal(
            ["sigoplimit", "sizelimit", "weightlimit", "curtime"],
            json.Select(p => p.Key).SkipWhile(k => k != "sigoplimit").Take(4));
        Assert.Equal(RpcErrorCode.InvalidParameter, refused.Code);
        Assert.Equal("Support for 'segwit' rule requires explicit client support", refused.Message);
    }

    [Fact]
    public void OldClientsWithMaxVersionMayForceTheVersion()
    {
        var template = TemplateOnGenesis(out var states);

        var json = BlockTemplateJson.ToJson(template, new BlockTemplateRequest(new HashSet<string>(), MaxVersionPreVersionBits: 2), states, "x");

        Assert.Equal("[\"time\",\"transactions\",\"prevblock\",\"version/force\"]", WireJson.Of(json["mutable"]!));
    }

    [Fact]
    public void TransactionsListTheirInBlockParents()
    {
        // Block 111 of the fixture chains transactions 1 -> 2 -> 3.
        var block = fixture.Block(111);
        var count = block.Transactions.Count;
        var fees = Enumerable.Range(0, count).Select(i => i == 0 ? -(count - 1) * 1000L : 1000L).ToList();
        var sigOps = Enumerable.Range(0, count).Select(_ => 4L).ToList();
        var template = new BlockTemplate(block, fixture.Headers[110], fees, sigOps, []);
        var states = DeploymentStatus.For(
            ChainParams.Regtest.Consensus, new VersionBitsStateMachine(ChainParams.Regtest.Consensus, new VersionBitsCache()), fixture.Headers[110]);

        var json = BlockTemplateJson.ToJson(template, SegwitClient, states, "x");
        var transactions = json["transactions"]!.AsArray();

        Assert.Equal(count - 1, transactions.Count);
        var second = block.Transactions[2];
        Assert.Equal(
            "{\"data\":\"" + second.ToHex() + "\",\"txid\":\"" + second.GetHash() + "\",\"hash\":\"" + second.GetWitHash() + "\"," +
            "\"depends\":[1],\"fee\":1000,\"sigops\":1,\"weight\":" + (second.GetSerializedSize() * 4) + "}",
            WireJson.Of(transactions[1]!));
        Assert.Equal("[2]", WireJson.Of(transactions[2]!["depends"]!));
        Assert.Equal("[]", WireJson.Of(transactions[0]!["depends"]!));
        Assert.False(json.ContainsKey("default_witness_commitment"));
    }

    [Fact]
    public void EachInputSpendingAnEarlierTransactionIsListed()
    {
        var parent = fixture.Block(111).Transactions[1];
        var child = FaithcoinConsensusFactory.Instance.CreateTransaction();
        child.Inputs.Add(new TxIn(new OutPoint(parent.GetHash(), 0)));
        child.Inputs.Add(new TxIn(new OutPoint(parent.GetHash(), 1)));
        child.Outputs.Add(new TxOut(Money.Coins(1), Script.Empty));
        var block = fixture.Block(111);
        block.Transactions.RemoveRange(2, block.Transactions.Count - 2);
        block.Transactions.Add(child);
        var template = new BlockTemplate(block, fixture.Headers[110], [-2, 1, 1], [4, 4, 4], []);

        var json = BlockTemplateJson.ToJson(template, SegwitClient, [], "x");

        Assert.Equal("[1,1]", WireJson.Of(json["transactions"]![1]!["depends"]!));
    }

    private static BlockTemplate TemplateOnGenesis(out IReadOnlyList<DeploymentStatus> states)
    {
        var consensus = ChainParams.Regtest.Consensus;
        var versionBits = new VersionBitsStateMachine(consensus, new VersionBitsCache());
        var genesis = ChainParams.Regtest.CreateGenesisBlock();
        var tip = new ChainedHeader(genesis.Header, genesis.GetHash(), null);
        states = DeploymentStatus.For(consensus, versionBits, tip);
        return new BlockAssembler(ChainParams.Regtest, versionBits, new BlockAssemblerOptions())
            .CreateNewBlock(tip, new Script(OpcodeType.OP_TRUE), [], tip.Time + 150);
    }

    private static List<DeploymentStatus> States(ThresholdState testDummy, ThresholdState csv, ThresholdState segwit)
    {
        var consensus = ChainParams.Regtest.Consensus;
        return
        [
            new(consensus.GetDeployment(DeploymentId.TestDummy), testDummy),
            new(consensus.GetDeployment(DeploymentId.Csv), csv),
            new(consensus.GetDeployment(DeploymentId.Segwit), segwit),
        ];
    }
}
