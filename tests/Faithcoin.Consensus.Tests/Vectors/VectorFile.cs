using System.Text.Json;

namespace Faithcoin.Consensus.Tests.Vectors;

/// <summary>
/// Loads a JSON vector file from the test output's data folder and hands out its rows; comment rows (a single
/// string) are left out, and each remaining row is addressed by its index in the file.
/// </summary>
internal sealed class VectorFile
{
    private readonly JsonElement[] rows;

    private VectorFile(string fileName, Func<JsonElement, bool> isComment)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        rows = document.RootElement.EnumerateArray().Select(r => r.Clone()).ToArray();
        Cases = Enumerable.Range(0, rows.Length)
            .Where(i => !isComment(rows[i]))
            .Select(i => new object[] { i, Describe(rows[i]) })
            .ToArray();
    }

    /// <summary>xunit theory data: (row index, short description) per test row.</summary>
    public IReadOnlyList<object[]> Cases { get; }

    public JsonElement this[int index] => rows[index];

    /// <summary>Rows whose only content is strings (notes and headers) are comments in every Core vector file.</summary>
    public static VectorFile Load(string fileName) =>
        new(fileName, row => row.ValueKind != JsonValueKind.Array || row.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) && row.GetArrayLength() <= 1);

    public static VectorFile LoadWithComments(string fileName, Func<JsonElement, bool> isComment) => new(fileName, isComment);

    private static string Describe(JsonElement row)
    {
        var text = row.GetRawText().Replace("\n", " ", StringComparison.Ordinal);
        return text.Length > 90 ? text[..90] : text;
    }
}
