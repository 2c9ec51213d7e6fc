using NBitcoin;

namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>
/// Serializes NBitcoin payloads (inv, getheaders, headers, block, tx, addr, ping, ...) at protocol 70015 with
/// faithcoin's consensus factory, so headers and blocks come out as faithcoin types with scrypt proof of work.
/// </summary>
public sealed class PayloadSerializer
{
    private readonly ConsensusFactory consensusFactory;

    public PayloadSerializer(ConsensusFactory consensusFactory)
    {
        ArgumentNullException.ThrowIfNull(consensusFactory);
        this.consensusFactory = consensusFactory;
    }

    public ConsensusFactory ConsensusFactory => consensusFactory;

    public byte[] Serialize(IBitcoinSerializable payload, TransactionOptions transactionOptions = TransactionOptions.All)
    {
        ArgumentNullException.ThrowIfNull(payload);
        using var stream = new MemoryStream();
        var bitcoinStream = new BitcoinStream(stream, true)
        {
            ProtocolVersion = (uint)ProtocolVersions.Current,
            ConsensusFactory = consensusFactory,
            TransactionOptions = transactionOptions,
        };
        payload.ReadWrite(bitcoinStream);
        return stream.ToArray();
    }

    /// <summary>A block payload, built by the consensus factory so its header is a faithcoin header.</summary>
    public Block DeserializeBlock(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var block = consensusFactory.CreateBlock();
        Read(payload, block);
        return block;
    }

    /// <summary>A tx payload, built by the consensus factory.</summary>
    public Transaction DeserializeTransaction(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var transaction = consensusFactory.CreateTransaction();
        Read(payload, transaction);
        return transaction;
    }

    /// <summary>Reads a whole payload; any parse failure, or bytes left over where none may be, is malformed.</summary>
    public T Deserialize<T>(byte[] payload)
        where T : IBitcoinSerializable, new()
    {
        ArgumentNullException.ThrowIfNull(payload);
        var result = new T();
        Read(payload, result);
        return result;
    }

    private void Read(byte[] payload, IBitcoinSerializable result)
    {
        using var stream = new MemoryStream(payload, writable: false);
        var bitcoinStream = new BitcoinStream(stream, false)
        {
            ProtocolVersion = (uint)ProtocolVersions.Current,
            ConsensusFactory = consensusFactory,
            MaxArraySize = (int)WireLimits.MaxSize,
        };
        try
        {
            result.ReadWrite(bitcoinStream);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new MalformedPayloadException($"error parsing {result.GetType().Name}: {e.Message}", e);
        }
    }
}
