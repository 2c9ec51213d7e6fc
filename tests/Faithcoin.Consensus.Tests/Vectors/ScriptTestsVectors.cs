using System.Text.Json;
using Faithcoin.Consensus.Scripting;
using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>
/// Every row of script_tests.json through NBitcoin's interpreter, the way Core's DoTest runs it: a crediting
/// transaction pays the scriptPubKey, a spending transaction presents the scriptSig and witness.
/// </summary>
public sealed class ScriptTestsVectors
{
    private static readonly Lazy<VectorFile> File = new(() => VectorFile.Load("script_tests.json"));

    public static IEnumerable<object[]> Rows => File.Value.Cases;

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_gives_the_expected_script_error(int index, string description)
    {
        _ = description;
        var row = File.Value[index].EnumerateArray().ToArray();
        var offset = 0;
        var witness = WitScript.Empty;
        long amount = 0;
        if (row[0].ValueKind == JsonValueKind.Array)
        {
            var parts = row[0].EnumerateArray().ToArray();
            amount = (long)Math.Round(parts[^1].GetDecimal() * 100_000_000m);
            witness = new WitScript(parts[..^1].Select(p => Convert.FromHexString(p.GetString()!)).ToArray(), true);
            offset = 1;
        }

        var scriptSig = CoreScriptParser.Parse(row[offset].GetString()!);
        var scriptPubKey = CoreScriptParser.Parse(row[offset + 1].GetString()!);
        var flags = CoreFlagParser.Parse(row[offset + 2].GetString()!);
        var expected = row[offset + 3].GetString()!;

        // Core's DoTest widens CLEANSTACK this way; NBitcoin refuses CLEANSTACK alone, as Core's interpreter asserts.
        if ((flags & ScriptVerify.CleanStack) != 0)
        {
            flags |= ScriptVerify.P2SH | ScriptVerify.Witness;
        }

        var credit = BuildCredit(scriptPubKey, amount);
        var spend = BuildSpend(credit, scriptSig, witness, amount);
        var check = new ScriptCheck(spend, 0, credit.Outputs[0], flags, new PrecomputedTransactionData(spend));
        var actual = ScriptErrorText.CoreName(check.Verify(flags));

        Assert.Equal(expected, actual);
    }

    private static Transaction BuildCredit(Script scriptPubKey, long amount)
    {
        var credit = Network.Main.CreateTransaction();
        credit.Version = 1;
        credit.LockTime = LockTime.Zero;
        credit.Inputs.Add(new TxIn(new OutPoint(), new Script(OpcodeType.OP_0, OpcodeType.OP_0)) { Sequence = Sequence.Final });
        credit.Outputs.Add(new TxOut(Money.Satoshis(amount), scriptPubKey));
        return credit;
    }

    private static Transaction BuildSpend(Transaction credit, Script scriptSig, WitScript witness, long amount)
    {
        var spend = Network.Main.CreateTransaction();
        spend.Version = 1;
        spend.LockTime = LockTime.Zero;
        spend.Inputs.Add(new TxIn(new OutPoint(credit.GetHash(), 0), scriptSig) { Sequence = Sequence.Final, WitScript = witness });
        spend.Outputs.Add(new TxOut(Money.Satoshis(amount), Script.Empty));
        return spend;
    }
}
