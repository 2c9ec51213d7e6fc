using Faithcoin.Node.Chain;
using Microsoft.Extensions.DependencyInjection;

namespace Faithcoin.Node.Indexes;

/// <summary>Registers the transaction index and its sync when -txindex is on; without it nothing is opened.</summary>
public static class TransactionIndexServiceCollectionExtensions
{
    /// <summary>The index's folder inside the network's data folder.</summary>
    public static string PathIn(string chainFolder) => Path.Combine(chainFolder, "indexes", "txindex");

    /// <summary>Register after the start-up service, so the chain is loaded when the sync starts and flushed after it stops.</summary>
    public static IServiceCollection AddTransactionIndex(this IServiceCollection services, ChainStateSettings settings, string chainFolder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(chainFolder);
        if (!settings.TxIndex)
        {
            return services;
        }

        var path = PathIn(chainFolder);
        services.AddSingleton(_ =>
        {
            // 0.15's -reindex wipes the transaction index with the block index; it is rebuilt as blocks reconnect.
            if (settings.Reindex && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return TransactionIndexStore.Open(path);
        });
        services.AddSingleton<TransactionIndex>();
        services.AddSingleton<TransactionIndexSync>();
        services.AddHostedService(sp => sp.GetRequiredService<TransactionIndexSync>());
        return services;
    }
}
