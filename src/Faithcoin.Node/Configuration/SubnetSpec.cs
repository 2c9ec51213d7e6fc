using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// An -rpcallowip value: a single address, "network/netmask" or "network/CIDR", numeric only (the original's
/// LookupSubNet does not resolve names here).
/// </summary>
public sealed class SubnetSpec
{
    private readonly byte[] network;
    private readonly byte[] mask;

    private SubnetSpec(byte[] network, byte[] mask, string text)
    {
        this.network = network;
        this.mask = mask;
        Text = text;
        for (var i = 0; i < network.Length; i++)
        {
            this.network[i] &= mask[i];
        }
    }

    public string Text { get; }

    public AddressFamily Family => network.Length == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;

    public static SubnetSpec Single(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = address.GetAddressBytes();
        return new SubnetSpec(bytes, Enumerable.Repeat((byte)0xff, bytes.Length).ToArray(), address.ToString());
    }

    public static bool TryParse(string text, out SubnetSpec? subnet)
    {
        ArgumentNullException.ThrowIfNull(text);
        subnet = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%', StringComparison.Ordinal))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        if (slash < 0)
        {
            subnet = new SubnetSpec(bytes, Enumerable.Repeat((byte)0xff, bytes.Length).ToArray(), text);
            return true;
        }

        var suffix = text[(slash + 1)..];
        byte[] mask;
        if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var prefixLength))
        {
            if (prefixLength > bytes.Length * 8)
            {
                return false;
            }

            mask = PrefixMask(bytes.Length, prefixLength);
        }
        else if (IPAddress.TryParse(suffix, out var netmask) && netmask.AddressFamily == address.AddressFamily)
        {
            mask = netmask.GetAddressBytes();
        }
        else
        {
            return false;
        }

        subnet = new SubnetSpec(bytes, mask, text);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (bytes.Length != network.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if ((bytes[i] & mask[i]) != network[i])
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Text;

    private static byte[] PrefixMask(int length, int prefixLength)
    {
        var result = new byte[length];
        for (var i = 0; i < length; i++)
        {
            var bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            result[i] = (byte)(0xff << (8 - bits));
        }

        return result;
    }
}
