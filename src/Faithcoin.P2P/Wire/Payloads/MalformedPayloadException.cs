namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>
/// A payload could not be read (too short, a count or string over its limit). 0.15 answers such a message
/// with reject(malformed, "error parsing message") and keeps the peer.
/// </summary>
public sealed class MalformedPayloadException : Exception
{
    public MalformedPayloadException()
    {
    }

    public MalformedPayloadException(string message)
        : base(message)
    {
    }

    public MalformedPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
