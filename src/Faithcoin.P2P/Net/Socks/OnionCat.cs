using System.Net;
using System.Net.Sockets;

namespace Faithcoin.P2P.Net.Socks;

/// <summary>
/// Onion (Tor v2) services as 0.15 keeps them: the 80-bit service id inside the OnionCat prefix
/// fd87:d87e:eb43::/48, so addrman and addr messages carry them as IPv6 addresses; "xxxxxxxxxxxxxxxx.onion" is
/// the id in lower-case base32 (SetSpecial / ToStringIP).
/// </summary>
public static class OnionCat
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";
    private const string Suffix = ".onion";
    private const int IdBytes = 10;
    private const int IdChars = 16;

    private static ReadOnlySpan<byte> Prefix => [0xFD, 0x87, 0xD8, 0x7E, 0xEB, 0x43];

    public static bool IsOnion(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.GetAddressBytes().AsSpan().StartsWith(Prefix);
    }

    /// <summary>SetSpecial: a 16-character .onion name as its OnionCat address; false for any other name.</summary>
    public static bool TryParse(string name, out IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(name);
        address = IPAddress.None;
        if (!name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || name.Length != IdChars + Suffix.Length)
        {
            return false;
        }

        var bytes = new byte[16];
        Prefix.CopyTo(bytes);
        ulong bits = 0;
        var bitCount = 0;
        var written = Prefix.Length;
        foreach (var c in name.AsSpan(0, IdChars))
        {
            var value = Base32.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            bits = (bits << 5) | (uint)value;
            bitCount += 5;
            if (bitCount >= 8)
            {
                bitCount -= 8;
                bytes[written++] = (byte)(bits >> bitCount);
            }
        }

        address = new IPAddress(bytes);
        return true;
    }

    /// <summary>ToStringIP for an onion address: its name, as the onion proxy is asked for it.</summary>
    public static string ToName(IPAddress address)
    {
        if (!IsOnion(address))
        {
            throw new ArgumentException("Not an OnionCat address.", nameof(address));
        }

        var id = address.GetAddressBytes().AsSpan(Prefix.Length, IdBytes);
        var text = new char[IdChars];
        ulong bits = 0;
        var bitCount = 0;
        var at = 0;
        foreach (var b in id)
        {
            bits = (bits << 8) | b;
            bitCount += 8;
            while (bitCount >= 5)
            {
                bitCount -= 5;
                text[at++] = Base32[(int)((bits >> bitCount) & 31)];
            }
        }

        return new string(text) + Suffix;
    }
}
