namespace Faithcoin.P2P.Wire;

/// <summary>The command names of protocol 70015 (protocol.cpp NetMsgType).</summary>
public static class NetCommands
{
    public const string Version = "version";
    public const string Verack = "verack";
    public const string Addr = "addr";
    public const string Inv = "inv";
    public const string GetData = "getdata";
    public const string MerkleBlock = "merkleblock";
    public const string GetBlocks = "getblocks";
    public const string GetHeaders = "getheaders";
    public const string Tx = "tx";
    public const string Headers = "headers";
    public const string Block = "block";
    public const string GetAddr = "getaddr";
    public const string Mempool = "mempool";
    public const string Ping = "ping";
    public const string Pong = "pong";
    public const string NotFound = "notfound";
    public const string FilterLoad = "filterload";
    public const string FilterAdd = "filteradd";
    public const string FilterClear = "filterclear";
    public const string Reject = "reject";
    public const string SendHeaders = "sendheaders";
    public const string FeeFilter = "feefilter";
    public const string SendCmpct = "sendcmpct";
    public const string CmpctBlock = "cmpctblock";
    public const string GetBlockTxn = "getblocktxn";
    public const string BlockTxn = "blocktxn";
}
