namespace Faithcoin.Consensus.Chain;

/// <summary>The three networks, named as the original's -regtest/-testnet switches and getblockchaininfo name them.</summary>
public enum FaithcoinChain
{
    Main,
    Test,
    Regtest,
}
