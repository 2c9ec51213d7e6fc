namespace Faithcoin.Node.Hosting;

/// <summary>Asks the node to shut down cleanly (the original's StartShutdown); returns at once.</summary>
public interface IShutdownRequester
{
    void RequestShutdown();
}
