using BenchmarkDotNet.Running;

// Runs any benchmark class of this assembly, e.g. `dotnet run -c Release -- --filter '*Scrypt*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
