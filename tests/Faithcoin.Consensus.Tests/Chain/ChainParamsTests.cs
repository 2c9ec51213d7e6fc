using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Pow;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Chain;

/// <summary>Every network value of docs/faithcoin-chain.md, checked one by one: a wrong byte forks us off.</summary>
public sealed class ChainParamsTests
{
    public static TheoryData<FaithcoinChain, string, int, int, string> Networks => new()
    {
        { FaithcoinChain.Main, "d0e1f5ec", 9666, 9332, string.Empty },
        { FaithcoinChain.Test, "fdd2c8f1", 19335, 19332, "testnet4" },
        { FaithcoinChain.Regtest, "fabfb5da", 19444, 19332, "regtest" },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void MessageStartPortsAndFolder(FaithcoinChain chain, string magicHex, int port, int rpcPort, string folder)
    {
        var p = ChainParams.For(chain);
        Assert.Equal(magicHex, Convert.ToHexString(p.MessageStart.ToArray()).ToLowerInvariant());
        Assert.Equal(port, p.DefaultPort);
        Assert.Equal(rpcPort, p.RpcPort);
        Assert.Equal(folder, p.DataSubfolder);
        Assert.Equal(magicHex, Convert.ToHexString(p.Network.MagicBytes).ToLowerInvariant());
        Assert.Equal(port, p.Network.DefaultPort);
        Assert.Equal(70015u, p.Network.MaxP2PVersion);
    }

    [Fact]
    public void MainMagicAsLittleEndianWord()
    {
        Assert.Equal(0xecf5e1d0u, ChainParams.Main.Magic);
        Assert.Equal(0xecf5e1d0u, ChainParams.Main.Network.Magic);
    }

    [Theory]
    [InlineData(FaithcoinChain.Main, 1513784917u, 2084820399u, 0x1e0ffff0u, "ee686214586277080977cf43d2a0b38bcd48d696129b19c026d8208f9e745cea")]
    [InlineData(FaithcoinChain.Test, 1486949366u, 471301u, 0x1e0ffff0u, "d686c51a8ba8b81e4173096785e458253105e1a4d637fd7824893cd2691ee71f")]
    [InlineData(FaithcoinChain.Regtest, 1296688602u, 0u, 0x207fffffu, "2f2a3df80323d97e3fc6700da36761482389e5f8982ed2e0425420479e36928d")]
    public void GenesisBlockIsBuiltFromItsParts(FaithcoinChain chain, uint time, uint nonce, uint bits, string hash)
    {
        var p = ChainParams.For(chain);
        var genesis = p.CreateGenesisBlock();
        Assert.Equal(hash, p.GenesisHash.ToString());
        Assert.Equal(hash, genesis.GetHash().ToString());
        Assert.Equal(hash, p.Network.GenesisHash.ToString());
        Assert.Equal(time, (uint)genesis.Header.BlockTime.ToUnixTimeSeconds());
        Assert.Equal(nonce, genesis.Header.Nonce);
        Assert.Equal(bits, genesis.Header.Bits.ToCompact());
        Assert.Equal(1, genesis.Header.Version);
        Assert.Equal(uint256.Zero, genesis.Header.HashPrevBlock);
        Assert.Equal("805d8d176abe872f5cd40b558869a0d25ed02ae471fa33f80185443e5ca9cb40", genesis.Header.HashMerkleRoot.ToString());
        var coinbase = Assert.Single(genesis.Transactions);
        Assert.Equal(Money.Coins(50), coinbase.Outputs[0].Value);
        Assert.StartsWith("04ffff001d01044b", Convert.ToHexString(coinbase.Inputs[0].ScriptSig.ToBytes()).ToLowerInvariant());
    }

    [Theory]
    [InlineData(FaithcoinChain.Main)]
    [InlineData(FaithcoinChain.Test)]
    [InlineData(FaithcoinChain.Regtest)]
    public void GenesisCarriesValidScryptProofOfWork(FaithcoinChain chain)
    {
        var genesis = ChainParams.For(chain).CreateGenesisBlock();
        var target = CompactTarget.Decode(genesis.Header.Bits.ToCompact());
        var pow = CompactTarget.ToBigInteger(genesis.Header.GetPoWHash());
        Assert.True(pow <= target, $"scrypt hash {genesis.Header.GetPoWHash()} above target");
        Assert.True(CompactTarget.ToBigInteger(genesis.GetHash()) > target || chain == FaithcoinChain.Regtest);
    }

    [Fact]
    public void ChangingAGenesisPartChangesItsHash()
    {
        var tweaked = GenesisBlockFactory.Create(1513784917, 2084820400, 0x1e0ffff0, 1, 50 * Money.COIN);
        Assert.NotEqual(ChainParams.Main.GenesisHash, tweaked.GetHash());
    }

    [Fact]
    public void MainConsensusValues()
    {
        var c = ChainParams.Main.Consensus;
        Assert.Equal("00000fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", c.PowLimit.ToString());
        Assert.False(c.PowAllowMinDifficultyBlocks);
        Assert.False(c.PowNoRetargeting);
        Assert.Equal(840000, c.SubsidyHalvingInterval);
        Assert.Equal(710000, c.Bip34Height);
        Assert.Equal("fa09d204a83a768ed5a7c8d441fa62f2043abf420cff1226c7b4329aeb9d51cf", c.Bip34Hash.ToString());
        Assert.Equal(918684, c.Bip65Height);
        Assert.Equal(811879, c.Bip66Height);
        Assert.Equal(6048, c.RuleChangeActivationThreshold);
        Assert.Equal(8064, c.MinerConfirmationWindow);
        AssertDeployments(c, 1485561600, 1517356801, 1485561600, 1517356801, 1199145601, 1230767999);
        Assert.Equal(uint256.Zero, c.MinimumChainWork);
        Assert.Equal(2, c.Checkpoints.Count);
        Assert.Equal(ChainParams.Main.GenesisHash, c.Checkpoints[0]);
        Assert.Equal("2b90731cbe9d628f5db73bf62ef124c26201d74706ca11278256fa3c32a92898", c.Checkpoints[650].ToString());
        Assert.Equal("29c8c00e1a5f446a6364a29633d3f1ee16428d87c8d3851a1c570be8170b04c2", c.DefaultAssumeValid!.ToString());
        Assert.Equal(["dnsseed.faithco.in"], ChainParams.Main.DnsSeeds);
    }

    [Fact]
    public void TestConsensusValues()
    {
        var c = ChainParams.Test.Consensus;
        Assert.Equal("00000fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", c.PowLimit.ToString());
        Assert.True(c.PowAllowMinDifficultyBlocks);
        Assert.False(c.PowNoRetargeting);
        Assert.Equal(840000, c.SubsidyHalvingInterval);
        Assert.Equal(76, c.Bip34Height);
        Assert.Equal("8075c771ed8b495ffd943980a95f702ab34fce3c8c54e379548bda33cc8c0573", c.Bip34Hash.ToString());
        Assert.Equal(76, c.Bip65Height);
        Assert.Equal(76, c.Bip66Height);
        Assert.Equal(1512, c.RuleChangeActivationThreshold);
        Assert.Equal(2016, c.MinerConfirmationWindow);
        AssertDeployments(c, 1483228800, 1517356801, 1483228800, 1517356801, 1199145601, 1230767999);
        Assert.Equal([0], c.Checkpoints.Keys);
        Assert.Equal("ad8ff6c2f5580d2b50bd881e11312425ea84fa99f322bf132beb722f97971bba", c.DefaultAssumeValid!.ToString());
        Assert.Equal(
            ["testnet-seed.faithcointools.com", "seed-b.faithcoin.loshan.co.uk", "dnsseed-testnet.thrasher.io"],
            ChainParams.Test.DnsSeeds);
    }

    [Fact]
    public void RegtestConsensusValues()
    {
        var c = ChainParams.Regtest.Consensus;
        Assert.Equal("7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", c.PowLimit.ToString());
        Assert.True(c.PowAllowMinDifficultyBlocks);
        Assert.True(c.PowNoRetargeting);
        Assert.Equal(150, c.SubsidyHalvingInterval);
        Assert.Equal(100000000, c.Bip34Height);
        Assert.Equal(1351, c.Bip65Height);
        Assert.Equal(1251, c.Bip66Height);
        Assert.Equal(108, c.RuleChangeActivationThreshold);
        Assert.Equal(144, c.MinerConfirmationWindow);
        AssertDeployments(c, 0, 999999999999, 0, 999999999999, 0, 999999999999);
        Assert.Null(c.DefaultAssumeValid);
        Assert.Equal([0], c.Checkpoints.Keys);
        Assert.Empty(ChainParams.Regtest.DnsSeeds);
    }

    [Theory]
    [InlineData(FaithcoinChain.Main)]
    [InlineData(FaithcoinChain.Test)]
    [InlineData(FaithcoinChain.Regtest)]
    public void SharedTimingAndLimits(FaithcoinChain chain)
    {
        var c = ChainParams.For(chain).Consensus;
        Assert.Equal(150, c.PowTargetSpacing);
        Assert.Equal(302400, c.PowTargetTimespan);
        Assert.Equal(2016, c.DifficultyAdjustmentInterval);
        Assert.Equal(100, c.CoinbaseMaturity);
        Assert.Equal(84_000_000L * 100_000_000L, ConsensusConstants.MaxMoney);
        Assert.Equal(4_000_000, ConsensusConstants.MaxBlockWeight);
        Assert.Equal(4_000_000, ConsensusConstants.MaxBlockSerializedSize);
        Assert.Equal(80_000, ConsensusConstants.MaxBlockSigopsCost);
    }

    [Fact]
    public void NetworkNamesMatchTheOriginal()
    {
        Assert.Equal("main", ChainParams.Main.Name);
        Assert.Equal("test", ChainParams.Test.Name);
        Assert.Equal("regtest", ChainParams.Regtest.Name);
    }

    private static void AssertDeployments(
        ConsensusParams c, long csvStart, long csvTimeout, long segwitStart, long segwitTimeout, long dummyStart, long dummyTimeout)
    {
        var csv = c.GetDeployment(DeploymentId.Csv);
        Assert.Equal((0, csvStart, csvTimeout), (csv.Bit, csv.StartTime, csv.Timeout));
        var segwit = c.GetDeployment(DeploymentId.Segwit);
        Assert.Equal((1, segwitStart, segwitTimeout), (segwit.Bit, segwit.StartTime, segwit.Timeout));
        var dummy = c.GetDeployment(DeploymentId.TestDummy);
        Assert.Equal((28, dummyStart, dummyTimeout), (dummy.Bit, dummy.StartTime, dummy.Timeout));
    }
}
