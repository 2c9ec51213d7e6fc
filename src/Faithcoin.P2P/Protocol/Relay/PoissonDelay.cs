namespace Faithcoin.P2P.Protocol.Relay;

/// <summary>
/// PoissonNextSend: exponentially distributed delays, so the moments a node announces are memoryless and tell
/// an observer little about when it first heard of a transaction. The random source is injected (seeded in
/// tests); <see cref="Random"/> is not thread-safe, so draws are locked.
/// </summary>
public sealed class PoissonDelay
{
    private readonly Random random;
    private readonly Lock gate = new();

    public PoissonDelay(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        this.random = random;
    }

    public TimeSpan Next(TimeSpan average)
    {
        double uniform;
        lock (gate)
        {
            uniform = 1.0 - random.NextDouble();
        }

        return TimeSpan.FromTicks((long)(-Math.Log(uniform) * average.Ticks));
    }
}
