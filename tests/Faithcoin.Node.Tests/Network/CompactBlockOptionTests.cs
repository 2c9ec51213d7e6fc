using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Networking;

public sealed class CompactBlockOptionTests : IDisposable
{
    private readonly TempDirectory home = new();
    private readonly TempDirectory data = new();

    public void Dispose()
    {
        home.Dispose();
        data.Dispose();
    }

    [Fact]
    public void BlockReconstructionExtraTxnDefaultsTo100AndNegativeMeansNone()
    {
        Assert.Equal(100, Load("-regtest").Network.P2P.BlockReconstructionExtraTxn);
        Assert.Equal(7, Load("-regtest", "-blockreconstructionextratxn=7").Network.P2P.BlockReconstructionExtraTxn);
        Assert.Equal(0, Load("-regtest", "-blockreconstructionextratxn=-1").Network.P2P.BlockReconstructionExtraTxn);
    }

    private NodeOptions Load(params string[] argv) =>
        new NodeConfigurationLoader(new NodeOptionsBinder(new OptionCatalog()), home.Combine(".faithcoin"))
            .Load(CommandLineParser.Parse([$"-datadir={data.Path}", .. argv]));
}
