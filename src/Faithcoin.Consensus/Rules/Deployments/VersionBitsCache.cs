using Faithcoin.Consensus.Chain;

namespace Faithcoin.Consensus.Rules.Deployments;

/// <summary>
/// One <see cref="ThresholdConditionCache"/> per deployment (Core's VersionBitsCache). The node owns one for its
/// block index and clears it when headers are dropped or the index is reloaded.
/// </summary>
public sealed class VersionBitsCache
{
    private readonly Dictionary<DeploymentId, ThresholdConditionCache> caches = [];

    public ThresholdConditionCache For(DeploymentId deployment)
    {
        if (!caches.TryGetValue(deployment, out var cache))
        {
            cache = new ThresholdConditionCache();
            caches.Add(deployment, cache);
        }

        return cache;
    }

    public void Clear()
    {
        foreach (var cache in caches.Values)
        {
            cache.Clear();
        }
    }
}
