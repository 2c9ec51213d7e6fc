using Faithcoin.P2P.Wire.Payloads;

namespace Faithcoin.P2P.Peers;

/// <summary>A byte vector as 0.15 serializes std::vector&lt;unsigned char&gt;: compact size, then the bytes.</summary>
internal static class PayloadWriterVectors
{
    public static PayloadWriter WriteVector(this PayloadWriter writer, byte[] bytes) =>
        writer.WriteCompactSize((ulong)bytes.Length).WriteBytes(bytes);
}
