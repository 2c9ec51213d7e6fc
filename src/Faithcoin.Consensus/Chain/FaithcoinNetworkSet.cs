using System.Buffers.Binary;
using NBitcoin;

namespace Faithcoin.Consensus.Chain;

/// <summary>
/// Registers faithcoin's three networks with NBitcoin, so its serializers, address parsers and P2P payloads use
/// faithcoin's magic, ports, prefixes and scrypt headers. NBitcoin keeps networks in a process-wide registry,
/// so there is exactly one set.
/// </summary>
public sealed class FaithcoinNetworkSet : NetworkSetBase
{
    /// <summary>The protocol version faithcoin 0.15 speaks; NBitcoin would otherwise offer 70016 and addrv2.</summary>
    public const uint ProtocolVersion = 70015;

    private FaithcoinNetworkSet()
    {
    }

    public static FaithcoinNetworkSet Instance { get; } = new();

    public override string CryptoCode => "FAITH";

    public Network GetNetwork(FaithcoinChain chain) => chain switch
    {
        FaithcoinChain.Main => Mainnet,
        FaithcoinChain.Test => Testnet,
        _ => Regtest,
    };

    protected override void PostInit()
    {
    }

    protected override NetworkBuilder CreateMainnet() => Build(ChainParams.Main, "faith-main", ChainName.Mainnet);

    protected override NetworkBuilder CreateTestnet() => Build(ChainParams.Test, "faith-test", ChainName.Testnet);

    protected override NetworkBuilder CreateRegtest() => Build(ChainParams.Regtest, "faith-reg", ChainName.Regtest);

    private static NetworkBuilder Build(ChainParams chain, string name, ChainName chainName)
    {
        var p = chain.Consensus;
        var consensus = new NBitcoin.Consensus
        {
            SubsidyHalvingInterval = p.SubsidyHalvingInterval,
            BIP34Hash = p.Bip34Hash,
            PowLimit = new Target(p.PowLimit),
            PowTargetTimespan = TimeSpan.FromSeconds(p.PowTargetTimespan),
            PowTargetSpacing = TimeSpan.FromSeconds(p.PowTargetSpacing),
            PowAllowMinDifficultyBlocks = p.PowAllowMinDifficultyBlocks,
            PowNoRetargeting = p.PowNoRetargeting,
            RuleChangeActivationThreshold = p.RuleChangeActivationThreshold,
            MinerConfirmationWindow = p.MinerConfirmationWindow,
            CoinbaseMaturity = p.CoinbaseMaturity,
            MinimumChainWork = p.MinimumChainWork,
            LitecoinWorkCalculation = true,
            SupportSegwit = true,
            SupportTaproot = false,
            ConsensusFactory = FaithcoinConsensusFactory.Instance,
        };
        consensus.BuriedDeployments[BuriedDeployments.BIP34] = p.Bip34Height;
        consensus.BuriedDeployments[BuriedDeployments.BIP65] = p.Bip65Height;
        consensus.BuriedDeployments[BuriedDeployments.BIP66] = p.Bip66Height;
        consensus.BIP9Deployments[BIP9Deployments.TestDummy] = ToNBitcoin(p.GetDeployment(DeploymentId.TestDummy));
        consensus.BIP9Deployments[BIP9Deployments.CSV] = ToNBitcoin(p.GetDeployment(DeploymentId.Csv));
        consensus.BIP9Deployments[BIP9Deployments.Segwit] = ToNBitcoin(p.GetDeployment(DeploymentId.Segwit));

        var prefixes = chain.Base58;
        return new NetworkBuilder()
            .SetConsensus(consensus)
            .SetNetworkSet(Instance)
            .SetChainName(chainName)
            .SetName(name)
            .SetMagic(chain.Magic)
            .SetPort(chain.DefaultPort)
            .SetRPCPort(chain.RpcPort)
            .SetMaxP2PVersion(ProtocolVersion)
            .SetBase58Bytes(Base58Type.PUBKEY_ADDRESS, [prefixes.PubkeyAddress])
            .SetBase58Bytes(Base58Type.SCRIPT_ADDRESS, [prefixes.ScriptAddress2])
            .SetBase58Bytes(Base58Type.SECRET_KEY, [prefixes.SecretKey])
            .SetBase58Bytes(Base58Type.EXT_PUBLIC_KEY, BigEndian(prefixes.ExtPublicKey))
            .SetBase58Bytes(Base58Type.EXT_SECRET_KEY, BigEndian(prefixes.ExtSecretKey))
            .SetNetworkStringParser(new LegacyScriptAddressParser(prefixes.ScriptAddress))
            .AddDNSSeeds(chain.DnsSeeds.Select(s => new DNSSeedData(s, s)))
            .SetGenesis(Convert.ToHexString(chain.GenesisBytes));
    }

    // NBitcoin keeps these as DateTimeOffset, which ends in year 9999; regtest's "never times out"
    // (999999999999) lies beyond it. Our own versionbits code reads the exact values from ConsensusParams.
    private static BIP9DeploymentsParameters ToNBitcoin(Bip9Deployment d) =>
        new(d.Bit, d.StartTime, Math.Min(d.Timeout, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
