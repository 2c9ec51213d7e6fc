using Faithcoin.Consensus.Chain;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.RawTransactions;

/// <summary>
/// core_read.cpp's DecodeHexTx and signrawtransaction's stream of transactions: hex in, NBitcoin transactions out,
/// with the original's rule that every byte must be consumed.
/// </summary>
public sealed class RawTransactionCodec
{
    private readonly Network network;

    public RawTransactionCodec(ChainParams chainParams)
    {
        ArgumentNullException.ThrowIfNull(chainParams);
        network = chainParams.Network;
    }

    /// <summary>
    /// DecodeHexTx: with <paramref name="tryNoWitness"/> the bytes are first read as a transaction without witness (so
    /// a transaction with no inputs is not mistaken for the witness marker), then with witness.
    /// </summary>
    public bool TryDecode(string hex, bool tryNoWitness, out Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(hex);
        transaction = null!;
        if (!JsonArguments.IsHex(hex))
        {
            return false;
        }

        var bytes = Convert.FromHexString(hex);
        if (tryNoWitness && TryReadWhole(bytes, TransactionOptions.None, out transaction))
        {
            return true;
        }

        return TryReadWhole(bytes, TransactionOptions.All, out transaction);
    }

    /// <summary>
    /// EncodeHexTx: with the witness only when an input has one (NBitcoin's own encoder refuses a transaction
    /// without inputs, which the original writes as any other).
    /// </summary>
    public static string Encode(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        using var memory = new MemoryStream();
        var stream = new BitcoinStream(memory, serializing: true)
        {
            TransactionOptions = transaction.HasWitness ? TransactionOptions.All : TransactionOptions.None,
        };
        transaction.ReadWrite(stream);
        return Convert.ToHexStringLower(memory.ToArray());
    }

    /// <summary>signrawtransaction's input: one or more transactions back to back, read with witness.</summary>
    public IReadOnlyList<Transaction>? TryReadSequence(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var transactions = new List<Transaction>();
        using var memory = new MemoryStream(bytes, writable: false);
        while (memory.Position < memory.Length)
        {
            if (!TryRead(memory, TransactionOptions.All, out var transaction))
            {
                return null;
            }

            transactions.Add(transaction);
        }

        return transactions;
    }

    private bool TryReadWhole(byte[] bytes, TransactionOptions options, out Transaction transaction)
    {
        using var memory = new MemoryStream(bytes, writable: false);
        return TryRead(memory, options, out transaction) && memory.Position == memory.Length;
    }

    private bool TryRead(MemoryStream memory, TransactionOptions options, out Transaction transaction)
    {
        transaction = network.CreateTransaction();
        try
        {
            var stream = new BitcoinStream(memory, serializing: false)
            {
                TransactionOptions = options,
                ConsensusFactory = network.Consensus.ConsensusFactory,
            };
            transaction.ReadWrite(stream);
            return true;
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or OverflowException or InvalidOperationException or IOException)
        {
            return false;
        }
    }
}
