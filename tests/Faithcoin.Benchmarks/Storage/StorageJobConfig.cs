using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Faithcoin.Benchmarks.Storage;

/// <summary>One store of the whole fixture per iteration (each iteration starts from an empty folder), few iterations.</summary>
public sealed class StorageJobConfig : ManualConfig
{
    public StorageJobConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
