using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>The values of docs/faithcoin-chain.md, one method a network.</summary>
internal static class ChainParamsFactory
{
    private static readonly uint256 PowLimitMainAndTest =
        uint256.Parse("00000fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

    private static readonly uint256 PowLimitRegtest =
        uint256.Parse("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

    public static ChainParams CreateMain()
    {
        var genesis = BuildGenesis(1513784917, 2084820399, 0x1e0ffff0,
            "ee686214586277080977cf43d2a0b38bcd48d696129b19c026d8208f9e745cea");
        var consensus = new ConsensusParams
        {
            GenesisHash = genesis.GetHash(),
            SubsidyHalvingInterval = 840000,
            Bip34Height = 710000,
            Bip34Hash = uint256.Parse("fa09d204a83a768ed5a7c8d441fa62f2043abf420cff1226c7b4329aeb9d51cf"),
            Bip65Height = 918684,
            Bip66Height = 811879,
            RuleChangeActivationThreshold = 6048,
            MinerConfirmationWindow = 8064,
            Deployments = Deployments(1199145601, 1230767999, 1485561600, 1517356801, 1485561600, 1517356801),
            PowLimit = PowLimitMainAndTest,
            PowAllowMinDifficultyBlocks = false,
            PowNoRetargeting = false,
            MinimumChainWork = uint256.Zero,
            DefaultAssumeValid = uint256.Parse("29c8c00e1a5f446a6364a29633d3f1ee16428d87c8d3851a1c570be8170b04c2"),
            Checkpoints = new Dictionary<int, uint256>
            {
                [0] = genesis.GetHash(),
                [650] = uint256.Parse("2b90731cbe9d628f5db73bf62ef124c26201d74706ca11278256fa3c32a92898"),
            },
        };
        return new ChainParams(
            FaithcoinChain.Main,
            [0xd0, 0xe1, 0xf5, 0xec],
            9666,
            9332,
            genesis,
            consensus,
            new Base58Prefixes(35, 5, 50, 35, 0xff88b21e, 0xff88ade4),
            ["dnsseed.faithco.in"]);
    }

    public static ChainParams CreateTest()
    {
        var genesis = BuildGenesis(1486949366, 471301, 0x1e0ffff0,
            "d686c51a8ba8b81e4173096785e458253105e1a4d637fd7824893cd2691ee71f");
        var consensus = new ConsensusParams
        {
            GenesisHash = genesis.GetHash(),
            SubsidyHalvingInterval = 840000,
            Bip34Height = 76,
            Bip34Hash = uint256.Parse("8075c771ed8b495ffd943980a95f702ab34fce3c8c54e379548bda33cc8c0573"),
            Bip65Height = 76,
            Bip66Height = 76,
            RuleChangeActivationThreshold = 1512,
            MinerConfirmationWindow = 2016,
            Deployments = Deployments(1199145601, 1230767999, 1483228800, 1517356801, 1483228800, 1517356801),
            PowLimit = PowLimitMainAndTest,
            PowAllowMinDifficultyBlocks = true,
            PowNoRetargeting = false,
            MinimumChainWork = uint256.Zero,
            DefaultAssumeValid = uint256.Parse("ad8ff6c2f5580d2b50bd881e11312425ea84fa99f322bf132beb722f97971bba"),
            Checkpoints = new Dictionary<int, uint256> { [0] = genesis.GetHash() },
        };
        return new ChainParams(
            FaithcoinChain.Test,
            [0xfd, 0xd2, 0xc8, 0xf1],
            19335,
            19332,
            genesis,
            consensus,
            new Base58Prefixes(111, 196, 58, 239, 0x043587cf, 0x04358394),
            ["testnet-seed.faithcointools.com", "seed-b.faithcoin.loshan.co.uk", "dnsseed-testnet.thrasher.io"]);
    }

    public static ChainParams CreateRegtest()
    {
        var genesis = BuildGenesis(1296688602, 0, 0x207fffff,
            "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d");
        var consensus = new ConsensusParams
        {
            GenesisHash = genesis.GetHash(),
            SubsidyHalvingInterval = 150,
            Bip34Height = 100000000,
            Bip34Hash = uint256.Zero,
            Bip65Height = 1351,
            Bip66Height = 1251,
            RuleChangeActivationThreshold = 108,
            MinerConfirmationWindow = 144,
            Deployments = Deployments(0, 999999999999, 0, 999999999999, 0, 999999999999),
            PowLimit = PowLimitRegtest,
            PowAllowMinDifficultyBlocks = true,
            PowNoRetargeting = true,
            MinimumChainWork = uint256.Zero,
            DefaultAssumeValid = null,
            Checkpoints = new Dictionary<int, uint256> { [0] = genesis.GetHash() },
        };
        return new ChainParams(
            FaithcoinChain.Regtest,
            [0xfa, 0xbf, 0xb5, 0xda],
            19444,
            19332,
            genesis,
            consensus,
            new Base58Prefixes(111, 196, 58, 239, 0x043587cf, 0x04358394),
            []);
    }

    private static Block BuildGenesis(uint time, uint nonce, uint bits, string expectedHash)
    {
        var genesis = GenesisBlockFactory.Create(time, nonce, bits, 1, ConsensusConstants.InitialSubsidy);
        const string expectedMerkleRoot = "805d8d176abe872f5cd40b558869a0d25ed02ae471fa33f80185443e5ca9cb40";

        // The original asserts both at start-up: a wrong part of the genesis must stop us before any peer sees it.
        if (genesis.Header.HashMerkleRoot != uint256.Parse(expectedMerkleRoot))
        {
            throw new InvalidOperationException($"Genesis merkle root {genesis.Header.HashMerkleRoot} is not {expectedMerkleRoot}.");
        }

        if (genesis.GetHash() != uint256.Parse(expectedHash))
        {
            throw new InvalidOperationException($"Genesis hash {genesis.GetHash()} is not {expectedHash}.");
        }

        return genesis;
    }

    private static Bip9Deployment[] Deployments(
        long dummyStart, long dummyTimeout, long csvStart, long csvTimeout, long segwitStart, long segwitTimeout) =>
    [
        new(DeploymentId.TestDummy, "testdummy", 28, dummyStart, dummyTimeout),
        new(DeploymentId.Csv, "csv", 0, csvStart, csvTimeout),
        new(DeploymentId.Segwit, "segwit", 1, segwitStart, segwitTimeout),
    ];
}
