using Faithcoin.Node;
using Faithcoin.Node.Configuration;

return await new NodeProgram(Console.Out, Console.Error, DataDirectory.DefaultBasePath()).RunAsync(args).ConfigureAwait(false);
