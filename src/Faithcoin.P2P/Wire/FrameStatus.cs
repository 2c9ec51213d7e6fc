namespace Faithcoin.P2P.Wire;

/// <summary>What <see cref="FrameDecoder"/> made of the buffered bytes.</summary>
public enum FrameStatus
{
    /// <summary>Not a whole message yet; nothing consumed.</summary>
    NeedMoreData,

    /// <summary>A message was decoded and consumed.</summary>
    Frame,

    /// <summary>A whole message was consumed and dropped (bad command characters or checksum); 0.15 logs and goes on.</summary>
    Skipped,

    /// <summary>The stream cannot be trusted any more (wrong message start or a length over the limit): disconnect.</summary>
    Fatal,
}
