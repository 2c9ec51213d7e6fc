namespace Faithcoin.Node.Rpc;

/// <summary>
/// The original's RPC warm-up: until start-up finishes, every call fails with -28 and the current step
/// ("Loading block index...") so clients know to retry.
/// </summary>
public sealed class RpcWarmup
{
    private readonly Lock gate = new();
    private string status = "RPC server started";
    private bool active = true;

    public void SetStatus(string newStatus)
    {
        lock (gate)
        {
            status = newStatus;
        }
    }

    public void Finish()
    {
        lock (gate)
        {
            active = false;
        }
    }

    public bool IsActive(out string currentStatus)
    {
        lock (gate)
        {
            currentStatus = status;
            return active;
        }
    }
}
