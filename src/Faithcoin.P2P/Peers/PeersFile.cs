using System.Security.Cryptography;
using Faithcoin.P2P.Wire.Payloads;
using Microsoft.Extensions.Logging;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// peers.dat in 0.15's layout (CAddrDB): the network's message start, the serialized address manager, then the
/// double SHA-256 of both, so an original node's file can be read and ours read by it. Written to a temporary
/// file and renamed. A missing, damaged or foreign file is logged and the address manager starts empty.
/// </summary>
public sealed partial class PeersFile
{
    private const int ChecksumSize = 32;

    private readonly string path;
    private readonly byte[] messageStart;
    private readonly ILogger logger;

    public PeersFile(string path, ReadOnlySpan<byte> messageStart, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(logger);
        this.path = path;
        this.messageStart = messageStart.ToArray();
        this.logger = logger;
    }

    public string Path => path;

    public void Save(AddressManager addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var writer = new PayloadWriter().WriteBytes(messageStart);
        addresses.WriteTo(writer);
        var body = writer.ToArray();
        var temporary = path + ".new";
        using (var file = File.Create(temporary))
        {
            file.Write(body);
            file.Write(SHA256.HashData(SHA256.HashData(body)));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        LogSaved(logger, addresses.Count, path);
    }

    /// <summary>Loads the file into <paramref name="addresses"/>; false (and an empty, freshly keyed manager) when it could not.</summary>
    public bool TryLoad(AddressManager addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        try
        {
            if (!File.Exists(path))
            {
                LogMissing(logger, path);
                return false;
            }

            var data = File.ReadAllBytes(path);
            if (data.Length < messageStart.Length + ChecksumSize)
            {
                throw new InvalidDataException("file too short");
            }

            var body = data.AsSpan(0, data.Length - ChecksumSize);
            if (!SHA256.HashData(SHA256.HashData(body)).AsSpan().SequenceEqual(data.AsSpan(body.Length)))
            {
                throw new InvalidDataException("Checksum mismatch, data corrupted");
            }

            if (!body[..messageStart.Length].SequenceEqual(messageStart))
            {
                throw new InvalidDataException("Invalid network magic number");
            }

            addresses.ReadFrom(body[messageStart.Length..]);
            LogLoaded(logger, addresses.Count, path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            addresses.Clear();
            LogInvalid(logger, path, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} addresses from peers.dat ({Path})")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Missing peers.dat ({Path}); starting with an empty address manager")]
    private static partial void LogMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invalid or missing peers.dat ({Path}: {Reason}); recreating")]
    private static partial void LogInvalid(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Flushed {Count} addresses to peers.dat ({Path})")]
    private static partial void LogSaved(ILogger logger, int count, string path);
}
