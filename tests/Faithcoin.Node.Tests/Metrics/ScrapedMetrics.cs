using System.Globalization;

namespace Faithcoin.Node.Tests.Metrics;

/// <summary>
/// The samples of one Prometheus text scrape, by series (name plus labels exactly as written, e.g.
/// <c>faithcoin_peers{direction="inbound"}</c>). Comments and blank lines are skipped.
/// </summary>
public sealed class ScrapedMetrics
{
    private readonly Dictionary<string, double> samples = new(StringComparer.Ordinal);

    public ScrapedMetrics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var split = line.LastIndexOf(' ');
            var value = line[(split + 1)..];
            samples[line[..split]] = value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }
    }

    public string Text { get; }

    public IEnumerable<string> Series => samples.Keys;

    public bool Has(string series) => samples.ContainsKey(series);

    public double this[string series] =>
        samples.TryGetValue(series, out var value) ? value : throw new KeyNotFoundException($"No series {series} in the scrape:\n{Text}");
}
