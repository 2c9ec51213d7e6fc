namespace Faithcoin.Node.Tests.EndToEnd;

/// <summary>Daemons that listen run one at a time, so free ports found for one are not taken by another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DaemonCollection
{
    public const string Name = "faithcoind processes";
}
