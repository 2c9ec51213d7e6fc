namespace Faithcoin.Consensus.Validation;

/// <summary>The reject codes of BIP61, which 0.15 sends in reject messages and reports through RPC.</summary>
public enum RejectCode : byte
{
    Malformed = 0x01,
    Invalid = 0x10,
    Obsolete = 0x11,
    Duplicate = 0x12,
    Nonstandard = 0x40,
    InsufficientFee = 0x42,
    Checkpoint = 0x43,
}
