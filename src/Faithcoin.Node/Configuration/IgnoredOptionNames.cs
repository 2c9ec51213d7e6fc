namespace Faithcoin.Node.Configuration;

/// <summary>
/// Options of 0.15's wallet, ZMQ notifications and GUI: faithcoind has none of them, so the names are accepted
/// (a faithcoin.conf shared with the original must start) and each set one is logged once as ignored.
/// </summary>
public static class IgnoredOptionNames
{
    private static readonly string[] Wallet =
    [
        "disablewallet", "keypool", "fallbackfee", "mintxfee", "paytxfee", "rescan", "salvagewallet",
        "spendzeroconfchange", "txconfirmtarget", "usehd", "walletrbf", "upgradewallet", "wallet",
        "walletbroadcast", "walletnotify", "zapwallettxes", "dblogsize", "flushwallet", "privdb",
        "walletrejectlongchains", "gen", "genproclimit", "discardfee", "walletdir",
    ];

    private static readonly string[] Zmq = ["zmqpubhashblock", "zmqpubhashtx", "zmqpubrawblock", "zmqpubrawtx"];

    private static readonly string[] Gui =
    [
        "lang", "min", "splash", "choosedatadir", "resetguisettings", "rootcertificates", "uiplatform",
        "allowselfsignedrootcertificates",
    ];

    public static IEnumerable<OptionDescriptor> All() =>
        Wallet.Select(n => Ignored(n, OptionGroup.Wallet, "faithcoind has no wallet"))
            .Concat(Zmq.Select(n => Ignored(n, OptionGroup.Zmq, "faithcoind has no ZeroMQ notifications")))
            .Concat(Gui.Select(n => Ignored(n, OptionGroup.General, "it is an option of the graphical client")));

    private static OptionDescriptor Ignored(string name, OptionGroup group, string reason) =>
        new(name, group, null, null, Support: OptionSupport.Ignored, IgnoredBecause: reason);
}
