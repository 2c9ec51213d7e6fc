namespace Faithcoin.P2P.Peers;

/// <summary>Why an address is banned (0.15's BanReason, kept with each entry and shown by listbanned).</summary>
public enum BanReason
{
    Unknown = 0,
    NodeMisbehaving = 1,
    ManuallyAdded = 2,
}
