using BenchmarkDotNet.Attributes;
using Faithcoin.Consensus.Scripting.Secp256k1;
using NBitcoin;
using NBitcoin.Crypto;

namespace Faithcoin.Benchmarks.Chain;

/// <summary>
/// Single-thread ECDSA verifications per second: NBitcoin's managed libsecp256k1 port against the node's verifier
/// (<see cref="EcdsaVerifier"/>: strict DER read here, then native libsecp256k1), over the same 256 signatures by
/// compressed keys (the fixture's P2PKH mix).
/// `dotnet run -c Release --project tests/Faithcoin.Benchmarks -- --filter '*EcdsaVerifyBenchmarks*'`.
/// </summary>
[Config(typeof(ShortJobConfig))]
public class EcdsaVerifyBenchmarks
{
    private const int Count = 256;
    private readonly PubKey[] keys = new PubKey[Count];
    private readonly byte[][] keyBytes = new byte[Count][];
    private readonly ECDSASignature[] signatures = new ECDSASignature[Count];
    private readonly byte[][] signatureBytes = new byte[Count][];
    private readonly uint256[] hashes = new uint256[Count];
    private readonly byte[][] hashBytes = new byte[Count][];

    [GlobalSetup]
    public void Sign()
    {
        var random = new Random(21);
        for (var i = 0; i < Count; i++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            secret[0] = 1;
            var key = new Key(secret);
            var message = new byte[32];
            random.NextBytes(message);
            hashes[i] = new uint256(message);
            hashBytes[i] = hashes[i].ToBytes();
            signatures[i] = key.Sign(hashes[i]);
            signatureBytes[i] = signatures[i].ToDER();
            keys[i] = key.PubKey;
            keyBytes[i] = key.PubKey.ToBytes();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int NBitcoin()
    {
        var valid = 0;
        for (var i = 0; i < Count; i++)
        {
            valid += keys[i].Verify(hashes[i], signatures[i]) ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int NativeLibsecp256k1()
    {
        var valid = 0;
        for (var i = 0; i < Count; i++)
        {
            valid += EcdsaVerifier.Verify(keyBytes[i], signatureBytes[i], hashBytes[i]) ? 1 : 0;
        }

        return valid;
    }
}
