namespace Faithcoin.Node.Configuration;

/// <summary>What faithcoind does with an option of the original.</summary>
public enum OptionSupport
{
    /// <summary>Acted on as 0.15 does.</summary>
    Implemented,

    /// <summary>Listed in -help and accepted; logged as not used yet when set.</summary>
    NotYetImplemented,

    /// <summary>Wallet, ZMQ and GUI options: accepted and logged once as ignored, never listed in -help.</summary>
    Ignored,
}
