using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// Persists a <see cref="BanList"/> as JSON (the role of 0.15's banlist.dat) at a path the caller chooses.
/// Written to a temporary file and renamed, so a crash leaves the old or the new file, never half of one.
/// </summary>
public sealed class BanListFile
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly string path;

    public BanListFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        this.path = path;
    }

    public string Path => path;

    public void Save(BanList banList, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(banList);
        var document = new BanListDocument(
            1,
            banList.GetEntries(now).Select(e => new BanListRecord(
                e.Subnet.ToString(),
                e.Created.ToUnixTimeSeconds(),
                e.BannedUntil.ToUnixTimeSeconds(),
                e.Reason.ToString())).ToList());
        var temporary = path + ".new";
        File.WriteAllText(temporary, JsonSerializer.Serialize(document, JsonOptions));
        File.Move(temporary, path, overwrite: true);
        banList.MarkClean();
    }

    /// <summary>Loads the file into <paramref name="banList"/>; a missing file is an empty list, a damaged one an error.</summary>
    public bool TryLoad(BanList banList, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(banList);
        if (!File.Exists(path))
        {
            return false;
        }

        var document = JsonSerializer.Deserialize<BanListDocument>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty");
        var entries = new List<BanEntry>();
        foreach (var record in document.Banned)
        {
            if (!IPNetwork.TryParse(record.Subnet, out var subnet))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: bad subnet {record.Subnet}"));
            }

            var entry = new BanEntry(
                subnet,
                DateTimeOffset.FromUnixTimeSeconds(record.CreateTime),
                DateTimeOffset.FromUnixTimeSeconds(record.BanUntil),
                Enum.TryParse<BanReason>(record.Reason, out var reason) ? reason : BanReason.Unknown);
            if (entry.IsActive(now))
            {
                entries.Add(entry);
            }
        }

        banList.Load(entries);
        return true;
    }

    private sealed record BanListDocument(int Version, List<BanListRecord> Banned);

    private sealed record BanListRecord(string Subnet, long CreateTime, long BanUntil, string Reason);
}
