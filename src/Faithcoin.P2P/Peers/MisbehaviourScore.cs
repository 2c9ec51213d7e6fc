namespace Faithcoin.P2P.Peers;

/// <summary>
/// A peer's misbehaviour (nMisbehavior). Crossing -banscore sets the ban flag once; the score keeps counting,
/// as in 0.15, so a later message does not trigger a second ban.
/// </summary>
public sealed class MisbehaviourScore
{
    private readonly int banScore;
    private int score;
    private int shouldBan;

    public MisbehaviourScore(int banScore)
    {
        this.banScore = banScore;
    }

    public int Score => Volatile.Read(ref score);

    /// <summary>Adds <paramref name="howMuch"/>; true when this addition crossed the ban threshold.</summary>
    public bool Add(int howMuch)
    {
        if (howMuch == 0)
        {
            return false;
        }

        var after = Interlocked.Add(ref score, howMuch);
        var crossed = after >= banScore && after - howMuch < banScore;
        if (crossed)
        {
            Volatile.Write(ref shouldBan, 1);
        }

        return crossed;
    }

    /// <summary>Reads and clears the ban flag (fShouldBan).</summary>
    public bool TakeShouldBan() => Interlocked.Exchange(ref shouldBan, 0) != 0;
}
