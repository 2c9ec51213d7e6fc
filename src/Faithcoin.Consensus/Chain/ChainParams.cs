using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>
/// Everything that tells one faithcoin network from another (chainparams.cpp). The three instances are built
/// once, from the values in docs/faithcoin-chain.md, and never change.
/// </summary>
public sealed class ChainParams
{
    private static readonly Lazy<ChainParams> MainParams = new(ChainParamsFactory.CreateMain);
    private static readonly Lazy<ChainParams> TestParams = new(ChainParamsFactory.CreateTest);
    private static readonly Lazy<ChainParams> RegtestParams = new(ChainParamsFactory.CreateRegtest);

    private readonly byte[] genesisBytes;

    internal ChainParams(
        FaithcoinChain chain,
        byte[] messageStart,
        int defaultPort,
        int rpcPort,
        Block genesis,
        ConsensusParams consensus,
        Base58Prefixes base58,
        IReadOnlyList<string> dnsSeeds)
    {
        Chain = chain;
        MessageStart = messageStart;
        DefaultPort = defaultPort;
        RpcPort = rpcPort;
        genesisBytes = genesis.ToBytes();
        Consensus = consensus;
        Base58 = base58;
        DnsSeeds = dnsSeeds;
    }

    public static ChainParams Main => MainParams.Value;

    public static ChainParams Test => TestParams.Value;

    public static ChainParams Regtest => RegtestParams.Value;

    public FaithcoinChain Chain { get; }

    /// <summary>The name the original reports in getblockchaininfo's "chain": main, test or regtest.</summary>
    public string Name => Chain switch
    {
        FaithcoinChain.Main => "main",
        FaithcoinChain.Test => "test",
        _ => "regtest",
    };

    /// <summary>The folder below -datadir that holds this network's data ("" for main).</summary>
    public string DataSubfolder => Chain switch
    {
        FaithcoinChain.Main => string.Empty,
        FaithcoinChain.Test => "testnet4",
        _ => "regtest",
    };

    public IReadOnlyList<byte> MessageStart { get; }

    /// <summary>The message start read as a little-endian uint32, the form NBitcoin's Network takes.</summary>
    public uint Magic => (uint)(MessageStart[0] | (MessageStart[1] << 8) | (MessageStart[2] << 16) | (MessageStart[3] << 24));

    public int DefaultPort { get; }

    public int RpcPort { get; }

    public ConsensusParams Consensus { get; }

    public Base58Prefixes Base58 { get; }

    public IReadOnlyList<string> DnsSeeds { get; }

    public uint256 GenesisHash => Consensus.GenesisHash;

    /// <summary>Main requires standard transactions for relay; test and regtest accept non-standard ones.</summary>
    public bool RequireStandard => Chain == FaithcoinChain.Main;

    /// <summary>Regtest mines on demand (generate RPCs) and runs the extra consistency checks by default.</summary>
    public bool MineBlocksOnDemand => Chain == FaithcoinChain.Regtest;

    public bool DefaultConsistencyChecks => Chain == FaithcoinChain.Regtest;

    /// <summary>The NBitcoin network that serializes, parses addresses and builds payloads the faithcoin way.</summary>
    public Network Network => FaithcoinNetworkSet.Instance.GetNetwork(Chain);

    public static ChainParams For(FaithcoinChain chain) => chain switch
    {
        FaithcoinChain.Main => Main,
        FaithcoinChain.Test => Test,
        _ => Regtest,
    };

    /// <summary>A fresh copy of the genesis block; callers may keep or change it without touching the parameters.</summary>
    public Block CreateGenesisBlock() => Block.Load(genesisBytes, FaithcoinConsensusFactory.Instance);

    internal byte[] GenesisBytes => genesisBytes;
}
