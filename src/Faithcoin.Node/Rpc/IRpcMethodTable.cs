namespace Faithcoin.Node.Rpc;

/// <summary>The registered RPC methods (the original's tableRPC).</summary>
public interface IRpcMethodTable
{
    IReadOnlyCollection<IRpcMethod> Methods { get; }

    IRpcMethod? Find(string name);

    /// <summary>The `help` text: every visible method's synopsis by category, or one method's full text.</summary>
    string Help(string command);
}
