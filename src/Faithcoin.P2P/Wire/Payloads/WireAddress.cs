using System.Net;
using System.Net.Sockets;

namespace Faithcoin.P2P.Wire.Payloads;

/// <summary>
/// An address as a version message carries it (CAddress without the time field): services, a 16-byte IPv6 or
/// IPv4-mapped address, and a big-endian port. <see cref="None"/> is 0.15's CService(): all zeros.
/// </summary>
public sealed record WireAddress(ServiceFlags Services, IPAddress Address, int Port)
{
    public const int Size = 26;

    public static WireAddress None(ServiceFlags services) => new(services, IPAddress.IPv6Any, 0);

    public static WireAddress Read(ref PayloadReader reader)
    {
        var services = (ServiceFlags)reader.ReadUInt64();
        var address = new IPAddress(reader.ReadBytes(16));
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var port = reader.ReadUInt16BigEndian();
        return new WireAddress(services, address, port);
    }

    public void Write(PayloadWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64((ulong)Services);
        var v6 = Address.AddressFamily == AddressFamily.InterNetwork ? Address.MapToIPv6() : Address;
        writer.WriteBytes(v6.GetAddressBytes());
        writer.WriteUInt16BigEndian((ushort)Port);
    }
}
