namespace Faithcoin.Node.Mining;

/// <summary>
/// What a getblocktemplate caller declared (BIP9's "rules", or BIP34's "maxversion" from clients that know no
/// rules). 0.15 reads maxversion only when "rules" is absent, so a rules-aware caller has -1 here.
/// </summary>
public sealed record BlockTemplateRequest(IReadOnlySet<string> ClientRules, long MaxVersionPreVersionBits = -1)
{
    public const string SegwitRule = "segwit";

    public bool SupportsSegwit => ClientRules.Contains(SegwitRule);
}
