namespace Faithcoin.Node.Storage;

/// <summary>A block read from a file in sequence: the offset of its first byte and its bytes (valid until the next read).</summary>
public readonly record struct BlockRecord(long Offset, ReadOnlyMemory<byte> Bytes);
