namespace Faithcoin.Consensus.Scripting;

/// <summary>Byte-level script templates as Core's CScript recognises them (no decompilation, no allocation).</summary>
public static class ScriptPatterns
{
    private const int MaxScriptSize = 10_000;

    public static bool IsPayToScriptHash(ReadOnlySpan<byte> script) =>
        script.Length == 23 && script[0] == 0xa9 && script[1] == 0x14 && script[22] == 0x87;

    /// <summary>A version byte (OP_0, OP_1..OP_16) followed by one direct push of 2 to 40 bytes.</summary>
    public static bool IsWitnessProgram(ReadOnlySpan<byte> script, out int version, out ReadOnlySpan<byte> program)
    {
        version = -1;
        program = default;
        if (script.Length < 4 || script.Length > 42)
        {
            return false;
        }

        if (script[0] != ScriptReader.Op0 && (script[0] < ScriptReader.Op1 || script[0] > ScriptReader.Op16))
        {
            return false;
        }

        if (script[1] + 2 != script.Length)
        {
            return false;
        }

        version = script[0] == ScriptReader.Op0 ? 0 : script[0] - (ScriptReader.Op1 - 1);
        program = script[2..];
        return true;
    }

    public static bool IsPushOnly(ReadOnlySpan<byte> script)
    {
        var reader = new ScriptReader(script);
        while (!reader.AtEnd)
        {
            if (!reader.TryRead(out var opcode, out _) || opcode > ScriptReader.Op16)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>OP_RETURN-led or oversized scripts can never be spent, so they never enter the coins set.</summary>
    public static bool IsUnspendable(ReadOnlySpan<byte> script) =>
        (script.Length > 0 && script[0] == 0x6a) || script.Length > MaxScriptSize;
}
