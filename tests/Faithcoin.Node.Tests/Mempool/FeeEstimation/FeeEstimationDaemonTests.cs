using System.Buffers.Binary;
using System.Net;
using Faithcoin.Node.Tests.EndToEnd;

namespace Faithcoin.Node.Tests.Mempool.FeeEstimation;

/// <summary>The real faithcoind: fee RPCs on a fresh regtest chain, fee_estimates.dat written at stop and a corrupt one ignored at start.</summary>
[Collection(DaemonCollection.Name)]
public sealed class FeeEstimationDaemonTests
{
    private const string Credentials = "fees:secret";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AFreshRegtestNodeAnswersAs015AndKeepsItsEstimatesFile()
    {
        using var data = new TempDirectory();
        var file = data.Combine("regtest", "fee_estimates.dat");

        // A corrupt file is logged and ignored: the node starts empty and writes a good file at shutdown.
        Directory.CreateDirectory(data.Combine("regtest"));
        byte[] corrupt = [0x9c, 0x49, 0x02, 0x00, 0xff];
        await File.WriteAllBytesAsync(file, corrupt);
        await using (var daemon = await StartAsync(data))
        {
            Assert.Equal("""{"errors":["Insufficient data or no feerate found"],"blocks":0}""", await ResultTextAsync(daemon, "estimatesmartfee", "6"));
            Assert.Equal("""{"errors":["Insufficient data or no feerate found"],"blocks":0}""", await ResultTextAsync(daemon, "estimatesmartfee", "2, \"ECONOMICAL\""));
            Assert.Equal("-1", await ResultTextAsync(daemon, "estimatefee", "6"));
            var (status, reply) = await daemon.CallAsync("""{"method":"estimaterawfee","params":[1009],"id":1}""", Credentials);
            Assert.Equal(HttpStatusCode.InternalServerError, status);
            Assert.Equal(-8, reply.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal(corrupt, await File.ReadAllBytesAsync(file));
            await StopAsync(daemon);
        }

        var written = await File.ReadAllBytesAsync(file);
        Assert.Equal(149900, BinaryPrimitives.ReadInt32LittleEndian(written));
        Assert.Equal(190, written[20]);
        var log = await File.ReadAllTextAsync(data.Combine("regtest", "debug.log"));
        Assert.Contains("unable to read policy estimator data (non-fatal)", log, StringComparison.Ordinal);
    }

    private static async Task<DaemonProcess> StartAsync(TempDirectory data)
    {
        var port = DaemonProcess.FreePort();
        var daemon = DaemonProcess.Start(
            port, "-regtest", $"-datadir={data.Path}", $"-rpcport={port}", "-listen=0", "-rpcuser=fees", "-rpcpassword=secret");
        await daemon.WaitUntilReadyAsync(() => Credentials, Timeout);
        return daemon;
    }

    private static async Task StopAsync(DaemonProcess daemon)
    {
        await daemon.CallAsync("""{"method":"stop","id":1}""", Credentials);
        Assert.Equal(0, await daemon.WaitForExitAsync(Timeout));
    }

    private static async Task<string> ResultTextAsync(DaemonProcess daemon, string method, string parameters)
    {
        var (status, reply) = await daemon.CallAsync($$"""{"method":"{{method}}","params":[{{parameters}}],"id":1}""", Credentials);
        Assert.Equal(HttpStatusCode.OK, status);
        return reply.GetProperty("result").GetRawText();
    }
}
