namespace Faithcoin.P2P.Tests.Infrastructure;

/// <summary>Counts how many operations run at once, shared by several sources to see whether their work overlapped.</summary>
public sealed class ConcurrencyGauge
{
    private int current;
    private int peak;

    public int Peak => Volatile.Read(ref peak);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref current);
        int seen;
        while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }

        return new Exit(this);
    }

    private sealed class Exit(ConcurrencyGauge gauge) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref gauge.current);
    }
}
