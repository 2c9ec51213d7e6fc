using Faithcoin.Node;
using Faithcoin.Node.Configuration;
using Faithcoin.Node.Hosting;

// Before any thread of ours (RocksDB's included) touches malloc.
NativeHeapTuning.LimitMallocArenas();
return await new NodeProgram(Console.Out, Console.Error, DataDirectory.DefaultBasePath()).RunAsync(args).ConfigureAwait(false);
