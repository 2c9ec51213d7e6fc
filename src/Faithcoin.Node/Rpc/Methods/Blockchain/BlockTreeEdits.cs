using Faithcoin.Node.Storage;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Methods.Blockchain;

/// <summary>
/// The error mapping shared by preciousblock, invalidateblock and reconsiderblock: an unknown hash is -5 "Block not
/// found"; a failure to write the change is 0.15's RPC_DATABASE_ERROR with the reason.
/// </summary>
internal static class BlockTreeEdits
{
    public static void Apply(Action<uint256> edit, uint256 hash)
    {
        try
        {
            edit(hash);
        }
        catch (KeyNotFoundException)
        {
            throw new RpcException(RpcErrorCode.InvalidAddressOrKey, "Block not found");
        }
        catch (StorageException e)
        {
            throw new RpcException(RpcErrorCode.DatabaseError, e.Message);
        }
    }
}
