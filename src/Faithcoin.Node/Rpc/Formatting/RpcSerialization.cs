using Faithcoin.Node.Configuration;
using NBitcoin;

namespace Faithcoin.Node.Rpc.Formatting;

/// <summary>
/// -rpcserialversion (0.15's RPCSerializationFlags): 1, the default, writes raw transactions and blocks in RPC
/// results with their witnesses; 0 writes them in the pre-segwit form for old clients.
/// </summary>
public sealed class RpcSerialization
{
    public RpcSerialization(bool includeWitness = true) => IncludeWitness = includeWitness;

    public bool IncludeWitness { get; }

    /// <summary>0.15's checks: negative is refused, above 1 is unknown.</summary>
    public static RpcSerialization FromArgs(ArgsStore args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.GetString("rpcserialversion") is not { } text)
        {
            return new RpcSerialization();
        }

        if (!ArgParsing.TryParseInt64(text, out var version))
        {
            throw new ConfigurationException($"Invalid value for -rpcserialversion: '{text}'");
        }

        return version switch
        {
            < 0 => throw new ConfigurationException("rpcserialversion must be non-negative."),
            > 1 => throw new ConfigurationException("unknown rpcserialversion requested."),
            _ => new RpcSerialization(version == 1),
        };
    }

    public string TransactionHex(Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Convert.ToHexStringLower(Serialize(tx));
    }

    /// <summary>A stored block (always with witnesses) as the RPC shows it.</summary>
    public string BlockHex(byte[] stored, Func<Block> parse)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(parse);
        return Convert.ToHexStringLower(IncludeWitness ? stored : Serialize(parse()));
    }

    private byte[] Serialize(IBitcoinSerializable item)
    {
        using var memory = new MemoryStream();
        item.ReadWrite(new BitcoinStream(memory, true)
        {
            TransactionOptions = IncludeWitness ? TransactionOptions.All : TransactionOptions.None,
        });
        return memory.ToArray();
    }
}
