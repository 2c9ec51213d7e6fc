namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>
/// Reads the element count that leads a vector payload (inv, addr, headers) so its limit can be checked before
/// any element is parsed or allocated.
/// </summary>
public static class CompactSizePrefix
{
    public static ulong ReadCount(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        return reader.ReadCompactSize();
    }
}
