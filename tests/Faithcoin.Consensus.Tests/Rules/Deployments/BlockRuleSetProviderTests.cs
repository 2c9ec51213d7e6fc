using Faithcoin.Consensus.Chain;
using Faithcoin.Consensus.Rules.Deployments;
using Faithcoin.Consensus.Tests.Pow;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Rules.Deployments;

/// <summary>
/// GetBlockScriptFlags of 0.15 and the per-block switches beside it: buried heights, the BIP16 switch time and
/// the versionbits deployments, checked height by height on chains built here.
/// </summary>
public sealed class BlockRuleSetProviderTests
{
    private const uint ModernTime = 1_500_000_000;
    private const int SignalCsvAndSegwit = 0x20000003;

    [Fact]
    public void RegtestDersigFrom1251AndCltvFrom1351()
    {
        var chain = RegtestChain(1351, 0x20000000);
        var provider = new BlockRuleSetProvider(ChainParams.Regtest.Consensus, new VersionBitsCache());

        Assert.Equal(ScriptVerify.P2SH, provider.ForBlock(chain[1250]).ScriptFlags);
        Assert.Equal(ScriptVerify.P2SH | ScriptVerify.DerSig, provider.ForBlock(chain[1251]).ScriptFlags);
        Assert.Equal(ScriptVerify.P2SH | ScriptVerify.DerSig, provider.ForBlock(chain[1350]).ScriptFlags);
        Assert.Equal(
            ScriptVerify.P2SH | ScriptVerify.DerSig | ScriptVerify.CheckLockTimeVerify,
            provider.ForBlock(chain[1351]).ScriptFlags);
        Assert.False(provider.ForBlock(chain[1351]).Bip34Active); // regtest's BIP34 height is 100000000
        Assert.Equal(1351, provider.ForBlock(chain[1351]).Height);
    }

    [Fact]
    public void CsvAndSegwitFlagsFollowTheirDeployments()
    {
        var chain = RegtestChain(432, SignalCsvAndSegwit);
        var provider = new BlockRuleSetProvider(ChainParams.Regtest.Consensus, new VersionBitsCache());

        var beforeActivation = provider.ForBlock(chain[431]);
        Assert.Equal(ScriptVerify.P2SH, beforeActivation.ScriptFlags);
        Assert.False(beforeActivation.CsvActive);
        Assert.False(beforeActivation.SegwitActive);

        var activation = provider.ForBlock(chain[432]);
        Assert.Equal(
            ScriptVerify.P2SH | ScriptVerify.CheckSequenceVerify | ScriptVerify.Witness | ScriptVerify.NullDummy,
            activation.ScriptFlags);
        Assert.True(activation.CsvActive);
        Assert.True(activation.SegwitActive);
    }

    [Fact]
    public void CsvAloneDoesNotBringWitnessFlags()
    {
        var chain = RegtestChain(432, 0x20000001);
        var rules = new BlockRuleSetProvider(ChainParams.Regtest.Consensus, new VersionBitsCache()).ForBlock(chain[432]);

        Assert.Equal(ScriptVerify.P2SH | ScriptVerify.CheckSequenceVerify, rules.ScriptFlags);
        Assert.True(rules.CsvActive);
        Assert.False(rules.SegwitActive);
    }

    [Fact]
    public void P2shStartsAtTheBip16SwitchTime()
    {
        var genesis = TestChain.FromGenesis(ChainParams.Regtest).Tip;
        var provider = new BlockRuleSetProvider(ChainParams.Regtest.Consensus, new VersionBitsCache());

        Assert.Equal(ScriptVerify.None, provider.ForNextBlock(genesis, 1333238399).ScriptFlags);
        Assert.Equal(ScriptVerify.P2SH, provider.ForNextBlock(genesis, 1333238400).ScriptFlags);
        Assert.Equal(ScriptVerify.None, provider.ForBlock(genesis).ScriptFlags); // regtest genesis is from 2011
    }

    [Fact]
    public void MainGenesisAlreadyHasP2sh()
    {
        var genesis = TestChain.FromGenesis(ChainParams.Main).Tip;
        var rules = new BlockRuleSetProvider(ChainParams.Main.Consensus, new VersionBitsCache()).ForBlock(genesis);

        Assert.Equal(ScriptVerify.P2SH, rules.ScriptFlags);
        Assert.Equal(0, rules.Height);
        Assert.False(rules.Bip34Active);
    }

    [Fact]
    public void TestActivatesBip34Bip66AndBip65At76()
    {
        var chain = TestChain.FromGenesis(ChainParams.Test).ExtendTo(76, version: 4);
        var provider = new BlockRuleSetProvider(ChainParams.Test.Consensus, new VersionBitsCache());

        var before = provider.ForBlock(chain[75]);
        Assert.False(before.Bip34Active);
        Assert.Equal(ScriptVerify.P2SH, before.ScriptFlags);

        var at = provider.ForBlock(chain[76]);
        Assert.True(at.Bip34Active);
        Assert.Equal(ScriptVerify.P2SH | ScriptVerify.DerSig | ScriptVerify.CheckLockTimeVerify, at.ScriptFlags);
    }

    [Fact]
    public void ForNextBlockAgreesWithForBlock()
    {
        var chain = RegtestChain(500, SignalCsvAndSegwit);
        var provider = new BlockRuleSetProvider(ChainParams.Regtest.Consensus, new VersionBitsCache());
        foreach (var height in new[] { 1, 143, 144, 431, 432, 500 })
        {
            Assert.Equal(provider.ForBlock(chain[height]), provider.ForNextBlock(chain[height - 1], chain[height].Time));
        }
    }

    /// <summary>Regtest from its genesis, then blocks from 2017 on (after the BIP16 switch) with one version.</summary>
    private static TestChain RegtestChain(int height, int version)
    {
        var chain = TestChain.FromGenesis(ChainParams.Regtest);
        chain.Add(ModernTime, chain.Tip.Bits, version);
        return chain.ExtendTo(height, version: version);
    }
}
