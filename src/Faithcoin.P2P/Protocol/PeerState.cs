using Faithcoin.Consensus.Chain;
using Faithcoin.P2P.Peers;
using Faithcoin.P2P.Protocol.Bloom;
using Faithcoin.P2P.Protocol.Compact;
using Faithcoin.P2P.Protocol.AddressRelay;
using Faithcoin.P2P.Protocol.Relay;
using Faithcoin.P2P.Wire;
using NBitcoin;

namespace Faithcoin.P2P.Protocol;

/// <summary>
/// What the protocol logic knows about one peer (the protocol fields of 0.15's CNode and CNodeState). Only the
/// holder of <see cref="Gate"/> changes it; readers of single fields for reporting may see a slightly old value.
/// </summary>
public sealed class PeerState : IDisposable
{
    public PeerState(int banScore)
    {
        Misbehaviour = new MisbehaviourScore(banScore);
    }

    /// <summary>One message or timer pass at a time per peer.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public MisbehaviourScore Misbehaviour { get; }

    /// <summary>The peer's protocol version; 0 until its version message.</summary>
    public int Version { get; set; }

    public bool VersionReceived => Version != 0;

    public ServiceFlags Services { get; set; }

    public string UserAgent { get; set; } = string.Empty;

    public int StartHeight { get; set; } = -1;

    public bool RelayTransactions { get; set; }

    public bool HaveWitness { get; set; }

    /// <summary>The peer's clock minus ours, from its version message.</summary>
    public TimeSpan TimeOffset { get; set; }

    /// <summary>sendheaders received: announce blocks to this peer with headers.</summary>
    public bool PreferHeaders { get; set; }

    /// <summary>BIP152: the sendcmpct choices and the compact blocks being rebuilt from this peer.</summary>
    public CompactBlockPeer Compact { get; } = new();

    /// <summary>The peer's feefilter, satoshis per kB.</summary>
    public long FeeFilterReceived { get; set; }

    public ulong PingNonceSent { get; set; }

    public DateTimeOffset? PingStart { get; set; }

    public bool PingQueued { get; set; }

    public TimeSpan? LastPingTime { get; set; }

    public TimeSpan? MinPingTime { get; set; }

    /// <summary>fGetAddr: we asked for addresses and wait for the answer.</summary>
    public bool AwaitingAddr { get; set; }

    /// <summary>fSentAddr: one getaddr answer per connection.</summary>
    public bool SentAddrAnswer { get; set; }

    /// <summary>addrKnown, vAddrToSend and the addr timers (filled by relay from other peers' threads).</summary>
    public PeerAddressState Addresses { get; } = new();

    /// <summary>nUnconnectingHeaders: small headers messages in a row that did not connect.</summary>
    public int UnconnectingHeaders { get; set; }

    /// <summary>pindexBestHeaderSent.</summary>
    public ChainedHeader? BestHeaderSent { get; set; }

    /// <summary>vBlockHashesToAnnounce: new tip blocks to announce (filled by the chain notification thread).</summary>
    public BlockAnnouncementQueue Announcements { get; } = new();

    /// <summary>vInventoryBlockToSend: block hashes for the next inv (announcement fallback, getblocks answers).</summary>
    public List<uint256> BlockInventoryToSend { get; } = [];

    /// <summary>hashContinue: the last block of a cut getblocks answer; serving it sends an inv of our tip.</summary>
    public uint256? HashContinue { get; set; }

    /// <summary>filterInventoryKnown and setInventoryTxToSend (filled by relay from other peers' threads).</summary>
    public PeerTransactionInventory Transactions { get; } = new();

    /// <summary>mapAskFor and setAskFor: transactions to ask this peer for.</summary>
    public PeerTransactionRequests TransactionRequests { get; } = new();

    /// <summary>nNextInvSend: the next transaction trickle.</summary>
    public DateTimeOffset NextInventorySend { get; set; } = DateTimeOffset.MinValue;

    /// <summary>fSendMempool: a mempool message waits for the next trickle's answer.</summary>
    public bool MempoolRequested { get; set; }

    /// <summary>timeLastMempoolReq: when a mempool message was last answered.</summary>
    public DateTimeOffset? LastMempoolRequest { get; set; }

    /// <summary>pfilter: the peer's BIP37 filter (match-all until filterload).</summary>
    public PeerBloomFilter Bloom { get; } = new();

    public long LastSentFeeFilter { get; set; }

    public DateTimeOffset NextFeeFilterSend { get; set; } = DateTimeOffset.MinValue;

    public void Dispose() => Gate.Dispose();
}
