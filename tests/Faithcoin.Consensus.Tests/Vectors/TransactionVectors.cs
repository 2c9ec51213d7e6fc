using Faithcoin.Consensus.Rules.Transactions;
using Faithcoin.Consensus.Scripting;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>
/// tx_valid.json and tx_invalid.json: our CheckTransaction rules plus script verification of every input with
/// the row's flags, as Core's transaction_tests do.
/// </summary>
public sealed class TransactionVectors
{
    private static readonly Lazy<VectorFile> Valid = new(() => VectorFile.Load("tx_valid.json"));
    private static readonly Lazy<VectorFile> Invalid = new(() => VectorFile.Load("tx_invalid.json"));

    public static IEnumerable<object[]> ValidRows => Valid.Value.Cases;

    public static IEnumerable<object[]> InvalidRows => Invalid.Value.Cases;

    [Theory]
    [MemberData(nameof(ValidRows))]
    public void Valid_row_passes(int index, string description)
    {
        _ = description;
        var row = TransactionVectorRow.Parse(Valid.Value[index]);
        var tx = Transaction.Parse(row.TransactionHex, Network.Main);

        Assert.Null(new TransactionCheck().Check(tx));
        for (var i = 0; i < tx.Inputs.Count; i++)
        {
            Assert.True(row.Prevouts.TryGetValue(tx.Inputs[i].PrevOut, out var spent), "Bad test: missing prevout");
            var error = new ScriptCheck(tx, i, spent, row.Flags, new PrecomputedTransactionData(tx)).Verify(row.Flags);
            Assert.Equal(ScriptError.OK, error);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Invalid_row_fails(int index, string description)
    {
        _ = description;
        var row = TransactionVectorRow.Parse(Invalid.Value[index]);
        Transaction tx;
        try
        {
            tx = Transaction.Parse(row.TransactionHex, Network.Main);
        }
        catch (FormatException)
        {
            return; // Core cannot deserialize it either (e.g. a superfluous witness record): invalid.
        }

        Assert.False(IsValid(tx, row), "tx_invalid row was accepted");
    }

    private static bool IsValid(Transaction tx, TransactionVectorRow row)
    {
        if (new TransactionCheck().Check(tx) is not null)
        {
            return false;
        }

        var precomputed = new PrecomputedTransactionData(tx);
        for (var i = 0; i < tx.Inputs.Count; i++)
        {
            if (!row.Prevouts.TryGetValue(tx.Inputs[i].PrevOut, out var spent))
            {
                return false;
            }

            if (new ScriptCheck(tx, i, spent, row.Flags, precomputed).Verify(row.Flags) != ScriptError.OK)
            {
                return false;
            }
        }

        return true;
    }
}
