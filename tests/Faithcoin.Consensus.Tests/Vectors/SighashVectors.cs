using NBitcoin;
using Xunit;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>sighash.json through NBitcoin's legacy (pre-segwit) signature hash.</summary>
public sealed class SighashVectors
{
    private static readonly Lazy<VectorFile> File = new(() => VectorFile.Load("sighash.json"));

    public static IEnumerable<object[]> Rows => File.Value.Cases;

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_gives_the_expected_hash(int index, string description)
    {
        _ = description;
        var row = File.Value[index].EnumerateArray().ToArray();
        var tx = Transaction.Parse(row[0].GetString()!, Network.Main);
        var script = Script.FromBytesUnsafe(Convert.FromHexString(row[1].GetString()!));
        var inputIndex = row[2].GetInt32();
        var hashType = unchecked((uint)row[3].GetInt32());
        var expected = uint256.Parse(row[4].GetString()!);

        var actual = tx.GetSignatureHash(script, inputIndex, (SigHash)hashType, null, HashVersion.Original);

        Assert.Equal(expected, actual);
    }
}
