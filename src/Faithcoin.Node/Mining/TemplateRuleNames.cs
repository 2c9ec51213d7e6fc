using Faithcoin.Consensus.Chain;

namespace Faithcoin.Node.Mining;

/// <summary>
/// 0.15's VersionBitsDeploymentInfo.gbt_force and gbt_vb_name: a rule a client may ignore is named plainly; one
/// it must understand (segwit changes the coinbase and transaction format) carries a '!' prefix.
/// </summary>
public static class TemplateRuleNames
{
    public static bool IsForced(DeploymentId deployment) => deployment != DeploymentId.Segwit;

    public static string Of(Bip9Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return IsForced(deployment.Id) ? deployment.Name : "!" + deployment.Name;
    }
}
