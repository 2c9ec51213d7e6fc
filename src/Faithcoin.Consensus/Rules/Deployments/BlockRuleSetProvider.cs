using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// Works out a block's <see cref="BlockRuleSet"/> from its parent and its own time, as 0.15's GetBlockScriptFlags:
/// P2SH by the block's time (BIP16 switch), DERSIG and CHECKLOCKTIMEVERIFY by the buried BIP66/BIP65 heights,
/// CHECKSEQUENCEVERIFY when csv is ACTIVE, WITNESS and NULLDUMMY when segwit is ACTIVE.
/// </summary>
public sealed class BlockRuleSetProvider
{
    /// <summary>
    /// 1 April 2012, when BIP16 started on Bitcoin; Litecoin kept the date. Every main and test block is later,
    /// but regtest's genesis (2011) is not, so the rule is kept as a rule rather than assumed.
    /// </summary>
    public const long Bip16SwitchTime = 1333238400;

    private readonly ConsensusParams consensus;
    private readonly VersionBitsStateMachine versionBits;

    public BlockRuleSetProvider(ConsensusParams consensus, VersionBitsCache cache)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(cache);
        this.consensus = consensus;
        versionBits = new VersionBitsStateMachine(consensus, cache);
    }

    /// <summary>The rules for a block already in the header tree.</summary>
    public BlockRuleSet ForBlock(ChainedHeader block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return ForNextBlock(block.Previous, block.Time);
    }

    /// <summary>The rules for a block with time <paramref name="blockTime"/> built on <paramref name="previous"/> (null: genesis).</summary>
    public BlockRuleSet ForNextBlock(ChainedHeader? previous, long blockTime)
    {
        var height = previous is null ? 0 : previous.Height + 1;
        var csvActive = versionBits.IsActive(previous, DeploymentId.Csv);
        var segwitActive = versionBits.IsActive(previous, DeploymentId.Segwit);

        var flags = blockTime >= Bip16SwitchTime ? ScriptVerify.P2SH : ScriptVerify.None;
        if (height >= consensus.Bip66Height)
        {
            flags |= ScriptVerify.DerSig;
        }

        if (height >= consensus.Bip65Height)
        {
            flags |= ScriptVerify.CheckLockTimeVerify;
        }

        if (csvActive)
        {
            flags |= ScriptVerify.CheckSequenceVerify;
        }

        if (segwitActive)
        {
            flags |= ScriptVerify.Witness | ScriptVerify.NullDummy;
        }

        return new BlockRuleSet(height, flags, csvActive, segwitActive, height >= consensus.Bip34Height);
    }
}
