using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Faithcoin.Node.Configuration;

/// <summary>
/// A -whitelist value as 0.15's LookupSubNet reads it (a single address, network/CIDR or network/netmask) turned into
/// an <see cref="IPNetwork"/>, whose constructor refuses host bits, so they are masked off first.
/// </summary>
public static class WhitelistSubnet
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(text);
        network = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0)
        {
            var suffix = text[(slash + 1)..];
            if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                if (length > bits)
                {
                    return false;
                }

                prefix = length;
            }
            else if (!IPAddress.TryParse(suffix, out var mask) || mask.AddressFamily != address.AddressFamily || !TryPrefixOf(mask, out prefix))
            {
                return false;
            }
        }

        network = new IPNetwork(Mask(address, prefix), prefix);
        return true;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xff << (8 - keep));
        }

        return new IPAddress(bytes);
    }

    // IPNetwork has no netmask form; only a contiguous mask has a prefix length.
    private static bool TryPrefixOf(IPAddress mask, out int prefix)
    {
        var bytes = mask.GetAddressBytes();
        prefix = 0;
        var ended = false;
        foreach (var b in bytes)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                var set = (b >> bit & 1) == 1;
                if (set && ended)
                {
                    return false;
                }

                if (set)
                {
                    prefix++;
                }
                else
                {
                    ended = true;
                }
            }
        }

        return true;
    }
}
