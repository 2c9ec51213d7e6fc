using Faithcoin.Consensus.Chain;
using Faithcoin.Node.Configuration;

namespace Faithcoin.Node.Tests.Configuration;

public sealed class DataDirectoryTests
{
    [Fact]
    public void MainUsesTheDataDirectoryItself()
    {
        var dir = new DataDirectory("/srv/faithcoin", ChainParams.Main);
        Assert.Equal("/srv/faithcoin", dir.ChainPath);
    }

    [Fact]
    public void TestnetUsesTestnet4()
    {
        Assert.Equal("/srv/faithcoin/testnet4", new DataDirectory("/srv/faithcoin", ChainParams.Test).ChainPath);
    }

    [Fact]
    public void RegtestUsesRegtest()
    {
        Assert.Equal("/srv/faithcoin/regtest", new DataDirectory("/srv/faithcoin", ChainParams.Regtest).ChainPath);
    }

    [Fact]
    public void AbsolutePathsAreKeptAndRelativeOnesResolveInTheChainFolder()
    {
        var dir = new DataDirectory("/srv/faithcoin", ChainParams.Regtest);
        Assert.Equal("/run/f.pid", dir.ResolveInChainFolder("/run/f.pid"));
        Assert.Equal("/srv/faithcoin/regtest/f.pid", dir.ResolveInChainFolder("f.pid"));
    }

    [Fact]
    public void TheDefaultIsDotFaithcoinInTheHomeFolderOnLinux()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".faithcoin"),
                DataDirectory.DefaultBasePath());
        }
    }
}
