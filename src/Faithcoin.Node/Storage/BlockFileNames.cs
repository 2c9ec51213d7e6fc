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
}
