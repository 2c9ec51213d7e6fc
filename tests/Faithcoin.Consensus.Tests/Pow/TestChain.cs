using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Consensus.Tests.Pow;

/// <summary>
/// Builds header chains in memory for consensus tests: each header gets the time, bits and version the test asks
/// for and a made-up unique hash (no proof of work is needed to link headers into a tree).
/// </summary>
internal sealed class TestChain
{
    private readonly List<ChainedHeader> headers = [];
    private readonly ulong branch;
    private ulong nextId;

    /// <param name="branch">Keeps the made-up hashes of different chains in one test apart.</param>
    private TestChain(ChainedHeader root, ulong branch)
    {
        this.branch = branch;
        headers.Add(root);
    }

    public ChainedHeader Tip => headers[^1];

    public ChainedHeader this[int height] => Tip.GetAncestor(height) ?? throw new ArgumentOutOfRangeException(nameof(height));

    /// <summary>A chain holding only a genesis header with the given fields.</summary>
    public static TestChain FromGenesis(uint time, uint bits, int version = 1) =>
        new(Create(null, time, bits, version, new uint256(0xFEEDUL)), 1);

    /// <summary>A chain starting with the real genesis header of a network.</summary>
    public static TestChain FromGenesis(ChainParams chain)
    {
        var genesis = chain.CreateGenesisBlock().Header;
        return new TestChain(new ChainedHeader(genesis, chain.GenesisHash, null), 1);
    }

    /// <summary>A second branch that shares every header up to <paramref name="forkPoint"/>.</summary>
    public static TestChain ForkAt(ChainedHeader forkPoint, ulong branch) => new(forkPoint, branch);

    public static ChainedHeader Create(ChainedHeader? previous, uint time, uint bits, int version, uint256 hash)
    {
        var header = FaithcoinConsensusFactory.Instance.CreateBlockHeader();
        header.Version = version;
        header.HashPrevBlock = previous?.HashBlock ?? uint256.Zero;
        header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(time);
        header.Bits = new Target(bits);
        return new ChainedHeader(header, hash, previous);
    }

    /// <summary>A header (not added to the chain) that would follow the tip.</summary>
    public static BlockHeader NextHeader(ChainedHeader previous, uint time, uint bits, int version = 4)
    {
        var header = FaithcoinConsensusFactory.Instance.CreateBlockHeader();
        header.Version = version;
        header.HashPrevBlock = previous.HashBlock;
        header.BlockTime = DateTimeOffset.FromUnixTimeSeconds(time);
        header.Bits = new Target(bits);
        return header;
    }

    public ChainedHeader Add(uint time, uint bits, int version = 4)
    {
        var hash = new uint256((branch << 40) | ++nextId);
        var header = Create(Tip, time, bits, version, hash);
        headers.Add(header);
        return header;
    }

    /// <summary>Adds headers until the tip is at <paramref name="height"/>, each <paramref name="spacing"/> seconds after its parent.</summary>
    public TestChain ExtendTo(int height, uint spacing = 150, int version = 4, uint? bits = null)
    {
        while (Tip.Height < height)
        {
            Add(Tip.Time + spacing, bits ?? Tip.Bits, version);
        }

        return this;
    }
}
