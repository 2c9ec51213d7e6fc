namespace Faithcoin.Node.Mining;

/// <summary>CValidationState's modes: valid, invalid (the block's fault) or error (the node's).</summary>
public enum BlockCheckedKind
{
    Valid,
    Invalid,
    Error,
}
