using Faithcoin.Cli;
using Faithcoin.Cli.Configuration;

return await new CliApplication(Console.In, Console.Out, Console.Error, CliDataDirectory.DefaultBasePath())
    .RunAsync(args)
    .ConfigureAwait(false);
