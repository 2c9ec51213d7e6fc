using Faithcoin.P2P.Wire;

namespace Faithcoin.P2P.Net;

/// <summary>
/// mapSendBytesPerMsg and mapRecvBytesPerMsg: header plus payload bytes per command. Received commands outside
/// protocol 70015's list are counted as "*other*", so a peer cannot grow the map with made-up names.
/// </summary>
public sealed class MessageByteCounters
{
    /// <summary>NET_MESSAGE_COMMAND_OTHER.</summary>
    public const string Other = "*other*";

    private static readonly HashSet<string> KnownCommands = new(StringComparer.Ordinal)
    {
        NetCommands.Version, NetCommands.Verack, NetCommands.Addr, NetCommands.Inv, NetCommands.GetData,
        NetCommands.MerkleBlock, NetCommands.GetBlocks, NetCommands.GetHeaders, NetCommands.Tx, NetCommands.Headers,
        NetCommands.Block, NetCommands.GetAddr, NetCommands.Mempool, NetCommands.Ping, NetCommands.Pong,
        NetCommands.NotFound, NetCommands.FilterLoad, NetCommands.FilterAdd, NetCommands.FilterClear,
        NetCommands.Reject, NetCommands.SendHeaders, NetCommands.FeeFilter, NetCommands.SendCmpct,
        NetCommands.CmpctBlock, NetCommands.GetBlockTxn, NetCommands.BlockTxn,
    };

    private readonly Lock gate = new();
    private readonly Dictionary<string, long> sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> received = new(StringComparer.Ordinal);

    public void AddSent(string command, int payloadLength)
    {
        ArgumentNullException.ThrowIfNull(command);
        Add(sent, command, payloadLength);
    }

    public void AddReceived(string command, int payloadLength)
    {
        ArgumentNullException.ThrowIfNull(command);
        Add(received, KnownCommands.Contains(command) ? command : Other, payloadLength);
    }

    /// <summary>The commands with bytes sent, in ordinal order (as 0.15's std::map lists them).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Sent() => Snapshot(sent);

    public IReadOnlyList<KeyValuePair<string, long>> Received() => Snapshot(received);

    private void Add(Dictionary<string, long> map, string command, int payloadLength)
    {
        lock (gate)
        {
            map[command] = map.GetValueOrDefault(command) + MessageHeader.Size + payloadLength;
        }
    }

    private IReadOnlyList<KeyValuePair<string, long>> Snapshot(Dictionary<string, long> map)
    {
        lock (gate)
        {
            return map.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        }
    }
}
