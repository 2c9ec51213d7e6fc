namespace Faithcoin.Node.Configuration;

/// <summary>The headings of the original's -help output, in its order.</summary>
public enum OptionGroup
{
    General,
    Connection,
    Debugging,
    ChainSelection,
    NodeRelay,
    BlockCreation,
    RpcServer,
    Wallet,
    Zmq,
}
