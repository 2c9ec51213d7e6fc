using BenchmarkDotNet.Attributes;
using Faithcoin.Consensus.Pow;

namespace Faithcoin.Benchmarks;

/// <summary>
/// scrypt(1024, 1, 1, 32) of an 80-byte header: OpenSSL (baseline), BouncyCastle, NBitcoin and ours on each code
/// path. Batch benchmarks hash <see cref="BatchSize"/> headers per invocation and report time per header.
/// Paths this CPU lacks throw PlatformNotSupportedException and show as NA.
/// </summary>
[Config(typeof(ShortJobConfig))]
public class ScryptBenchmarks
{
    private const int BatchSize = 64;

    private readonly byte[] header = new byte[ScryptPow.HeaderSize];
    private readonly byte[] output = new byte[ScryptPow.HashSize];
    private readonly byte[] headers = new byte[BatchSize * ScryptPow.HeaderSize];
    private readonly byte[] outputs = new byte[BatchSize * ScryptPow.HashSize];

    [GlobalSetup]
    public void Setup()
    {
        new Random(42).NextBytes(headers);
        headers.AsSpan(0, ScryptPow.HeaderSize).CopyTo(header);
    }

    [Benchmark(Baseline = true)]
    public byte[] OpenSsl()
    {
        OpenSslScrypt.Derive(header, header, 1024, 1, 1, output);
        return output;
    }

    [Benchmark]
    public byte[] BouncyCastle() => Org.BouncyCastle.Crypto.Generators.SCrypt.Generate(header, header, 1024, 1, 1, 32);

    [Benchmark]
    public byte[] NBitcoin() => global::NBitcoin.Crypto.SCrypt.ComputeDerivedKey(header, header, 1024, 1, 1, null, 32);

    [Benchmark]
    public byte[] OursHash()
    {
        ScryptPow.Hash(header, output);
        return output;
    }

    [Benchmark]
    public byte[] OursScalar() => Single(ScryptPath.Scalar);

    /// <summary>
    /// Not a hash: the 4,096 dependent Salsa20/8 cores of one scrypt hash with nothing else (no V table, no PBKDF2),
    /// the floor any one-header implementation on this CPU sits above.
    /// </summary>
    [Benchmark]
    public uint SalsaChainFloor()
    {
        var s = default(SalsaBlock);
        s.W0 = header[0];
        ScryptScalar.SalsaChain(ref s, 4 * ScryptPow.N);
        return s.W0;
    }


    [Benchmark(OperationsPerInvoke = BatchSize)]
    public byte[] OursHashBatch()
    {
        ScryptPow.HashBatch(headers, outputs);
        return outputs;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public byte[] OursBatchVector128x4() => Batch(ScryptPath.Vector128x4);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public byte[] OursBatchVector256x2() => Batch(ScryptPath.Vector256x2);

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public byte[] OursBatchVector512x2() => Batch(ScryptPath.Vector512x2);

    private byte[] Single(ScryptPath path)
    {
        ScryptPow.Hash(header, output, path);
        return output;
    }

    private byte[] Batch(ScryptPath path)
    {
        ScryptPow.HashBatch(headers, outputs, path);
        return outputs;
    }
}
