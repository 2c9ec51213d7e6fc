using System.Globalization;
using Xunit.Abstractions;

namespace Faithcoin.Packaging.Tests;

/// <summary>
/// The linux-arm64 build under qemu-aarch64-static, run for real by packaging/run-arm64-qemu.sh
/// (FAITHCOIN_PACKAGING_TESTS=1): its RocksDB, RPC, P2P handshake, mining, faithcoin-cli, block import from a
/// native node, SIGTERM, restart and a -loadblock import that a native x86-64 node agrees with block for block.
/// </summary>
public sealed class Arm64QemuTests(Arm64QemuRun arm64, ITestOutputHelper output) : IClassFixture<Arm64QemuRun>
{
    [Arm64QemuFact]
    public void ScriptSucceedsWithoutSkippingAnyStep()
    {
        output.WriteLine(arm64.Run.Output);
        arm64.Run.AssertSucceeded();
        arm64.Run.AssertNothingSkipped();
        arm64.Run.Line(@"arm64 under qemu: OK \(start \d+ ms, restart \d+ ms, mined 5, submitblock-imported 10, -loadblock-imported [1-9]\d*, daemon RocksDB used;");
    }

    [Arm64QemuFact]
    public void PublishesAarch64DaemonCliAndRocksDb()
    {
        arm64.Run.Line(@"faithcoind arm64: \S+ in .*; librocksdb.so: ELF 64-bit LSB shared object, ARM aarch64");
        arm64.Run.Line(@"arm64 RocksDB probe under qemu: \d+ ms");
        arm64.Run.Line(@"the daemon has the arm64 librocksdb.so mapped");
    }

    [Arm64QemuFact]
    public void ServesRpcP2pMiningAndTheCli()
    {
        arm64.Run.Line(@"start to first RPC answer \(getblockcount\) in \d+ ms");
        arm64.Run.Line(@"P2P listening on 127\.0\.0\.1:\d+$");
        arm64.Run.Line(@"version handshake: protocol 70015, .* ping answered$");
        arm64.Run.Line(@"generatetoaddress mined 5 regtest blocks under qemu; height 5$");
        var count = arm64.Run.Line(@"faithcoin-cli \(arm64\) getblockcount -> (\d+)$");
        Assert.Equal(5, int.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Arm64QemuFact]
    public void StopsOnSigtermAndAgreesWithANativeNode()
    {
        arm64.Run.Line(@"imported 10 blocks from a native node in \d+ ms");
        arm64.Run.Line(@"SIGTERM -> exit 0 in \d+ ms");
        arm64.Run.Line(@"restart to first RPC answer in \d+ ms; height 10 kept");
        arm64.Run.Line(@"native x86-64 node agrees: block [1-9]\d* is [0-9a-f]{64}");
        arm64.Run.Line(@"after SIGTERM and a restart the arm64 node still has the imported chain");
    }
}
