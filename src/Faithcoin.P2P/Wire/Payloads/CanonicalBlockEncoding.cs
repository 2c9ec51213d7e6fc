namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>
/// Whether a block payload is byte for byte what serializing the block it decodes to gives back: canonical
/// compact sizes, the segwit marker and flag only on transactions with witness data, nothing after the last
/// transaction. Such a payload can be stored as it came instead of serializing the parsed block again (what
/// -loadblock saves too); anything else is left to the re-serialization, so a peer's odd encoding never
/// reaches the block files.
/// </summary>
public static class CanonicalBlockEncoding
{
    private const int HeaderSize = 80;
    private const int OutPointSize = 36;

    public static bool IsCanonical(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        try
        {
            reader.ReadBytes(HeaderSize);
            var transactions = reader.ReadCompactSize();
            for (ulong i = 0; i < transactions; i++)
            {
                if (!SkipTransaction(ref reader))
                {
                    return false;
                }
            }

            return reader.IsEmpty;
        }
        catch (MalformedPayloadException)
        {
            return false;
        }
    }

    // UnserializeTransaction with witness allowed, keeping only the shapes SerializeTransaction writes.
    private static bool SkipTransaction(ref PayloadReader reader)
    {
        reader.ReadBytes(4);
        var inputs = reader.ReadCompactSize();
        var witness = false;
        if (inputs == 0)
        {
            // The marker: only flag 1 is written, and only before a non-empty input list.
            if (reader.ReadByte() != 1)
            {
                return false;
            }

            witness = true;
            inputs = reader.ReadCompactSize();
            if (inputs == 0)
            {
                return false;
            }
        }

        for (ulong i = 0; i < inputs; i++)
        {
            reader.ReadBytes(OutPointSize);
            SkipBytes(ref reader);
            reader.ReadBytes(4);
        }

        var outputs = reader.ReadCompactSize();
        for (ulong i = 0; i < outputs; i++)
        {
            reader.ReadBytes(8);
            SkipBytes(ref reader);
        }

        if (witness)
        {
            var anyWitness = false;
            for (ulong i = 0; i < inputs; i++)
            {
                var items = reader.ReadCompactSize();
                anyWitness |= items != 0;
                for (ulong j = 0; j < items; j++)
                {
                    SkipBytes(ref reader);
                }
            }

            // A marker with only empty witnesses is not how a transaction without witness data is written.
            if (!anyWitness)
            {
                return false;
            }
        }

        reader.ReadBytes(4);
        return true;
    }

    private static void SkipBytes(ref PayloadReader reader) => reader.ReadBytes(checked((int)reader.ReadCompactSize()));
}
