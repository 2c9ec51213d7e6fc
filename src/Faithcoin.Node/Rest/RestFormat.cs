namespace Faithcoin.Node.Rest;

/// <summary>The output format a REST URI asks for with its extension (.bin, .hex, .json); Undefined for anything else.</summary>
public enum RestFormat
{
    Undefined,
    Binary,
    Hex,
    Json,
}
