using System.Net;
using NBitcoin.Protocol;

namespace Faithcoin.P2P.Peers;

/// <summary>
/// Where addresses learnt from peers go and where getaddr answers come from: the seat of the address manager
/// (new and tried tables), which arrives later; <see cref="RecentAddressBook"/> stands in until then.
/// </summary>
public interface IAddressBook
{
    void Add(IReadOnlyList<NetworkAddress> addresses, IPAddress source);

    /// <summary>Addresses to answer a getaddr with (0.15 sends at most 2500, in addr messages of up to 1000).</summary>
    IReadOnlyList<NetworkAddress> GetAddresses();

    int Count { get; }
}
