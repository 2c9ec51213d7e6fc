namespace Faithcoin.Node.Configuration;

/// <summary>
/// The HTTP server settings: JSON-RPC (-rpcport, -rpcbind, -rpcallowip, -rpcuser, -rpcpassword, -rpcauth, -rpccookiefile),
/// its limits (-rpcthreads, -rpcworkqueue, -rpcservertimeout) and REST (-rest), which the same server answers.
/// </summary>
public sealed record RpcServerOptions
{
    public required int Port { get; init; }

    /// <summary>-rpcbind values, with -rpcport filled in where they name no port.</summary>
    public required IReadOnlyList<HostPort> Bind { get; init; }

    /// <summary>-rpcallowip subnets; loopback is always allowed in addition.</summary>
    public required IReadOnlyList<SubnetSpec> AllowIp { get; init; }

    public required string User { get; init; }

    public required string Password { get; init; }

    public required string CookieFilePath { get; init; }

    public required TimeSpan ServerTimeout { get; init; }

    /// <summary>-rpcauth entries, accepted besides -rpcuser/-rpcpassword or the cookie.</summary>
    public IReadOnlyList<RpcAuthEntry> Auth { get; init; } = [];

    /// <summary>-rpcthreads: how many requests are worked on at once.</summary>
    public int Threads { get; init; } = RpcServerOptionsBinder.DefaultThreads;

    /// <summary>-rpcworkqueue: how many more may wait for a worker before the server answers "Work queue depth exceeded".</summary>
    public int WorkQueue { get; init; } = RpcServerOptionsBinder.DefaultWorkQueue;

    /// <summary>-rest: serve the unauthenticated /rest/ endpoints (off by default, as in the original).</summary>
    public bool Rest { get; init; }

    /// <summary>Without -rpcpassword the server writes a random cookie, as the original does.</summary>
    public bool UsesCookie => Password.Length == 0;
}
