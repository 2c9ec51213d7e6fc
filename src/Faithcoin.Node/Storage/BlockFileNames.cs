using System.Globalization;

namespace Faithcoin.Node.Storage;

/// <summary>Core's names for block files, blk00000.dat upward, so linearize and other tools find them.</summary>
public static class BlockFileNames
{
    public static string PathOf(string directory, int fileNumber) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"blk{fileNumber:D5}.dat"));

    /// <summary>Number of the highest blk?????.dat in <paramref name="directory"/>, or -1 when there is none.</summary>
    public static int Highest(string directory)
    {
        var highest = -1;
        foreach (var path in Directory.EnumerateFiles(directory, "blk*.dat"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Length == 8 && int.TryParse(name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                highest = Math.Max(highest, number);
            }
        }

        return highest;
    }

    /// <summary>The end of the highest existing file: where a store without a recorded cursor continues.</summary>
    public static BlockFileCursor EndOfLastFile(string directory)
    {
        var highest = Highest(directory);
        return highest < 0 ? BlockFileCursor.Start : new BlockFileCursor(highest, new FileInfo(PathOf(directory, highest)).Length);
    }

    /// <summary>Bytes of every blk?????.dat in <paramref name="directory"/> by file number (0.15's vinfoBlockFile sizes).</summary>
    public static IReadOnlyDictionary<int, long> Sizes(string directory)
    {
        var sizes = new Dictionary<int, long>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("blk*.dat"))
        {
            var name = Path.GetFileNameWithoutExtension(file.Name);
            if (name.Length == 8 && int.TryParse(name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                sizes[number] = file.Length;
            }
        }

        return sizes;
    }

    /// <summary>
    /// Deletes every block file after the first gap in the numbering from 0 (0.15's CleanupBlockRevFiles): what
    /// -reindex of a pruned node can read again; the rest comes from peers.
    /// </summary>
    public static void DeleteAfterFirstGap(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var numbers = Sizes(directory).Keys.Order().ToArray();
        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i] != i)
            {
                foreach (var number in numbers[i..])
                {
                    File.Delete(PathOf(directory, number));
                }

                return;
            }
        }
    }
}
