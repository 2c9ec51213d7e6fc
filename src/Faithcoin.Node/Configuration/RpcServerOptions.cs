namespace Faithcoin.Node.Configuration;

/// <summary>The JSON-RPC server settings (-rpcport, -rpcbind, -rpcallowip, -rpcuser, -rpcpassword, -rpccookiefile).</summary>
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

    /// <summary>Without -rpcpassword the server writes a random cookie, as the original does.</summary>
    public bool UsesCookie => Password.Length == 0;
}
