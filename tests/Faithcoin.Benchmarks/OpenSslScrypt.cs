using System.Runtime.InteropServices;

namespace Faithcoin.Benchmarks;

/// <summary>OpenSSL 3's scrypt (EVP_PBE_scrypt) from the system libcrypto, the benchmark baseline.</summary>
internal static unsafe partial class OpenSslScrypt
{
    private const string LibCrypto = "libcrypto.so.3";

    public static void Derive(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, ulong n, ulong r, ulong p, Span<byte> output)
    {
        fixed (byte* pass = password)
        fixed (byte* s = salt)
        fixed (byte* key = output)
        {
            if (EVP_PBE_scrypt(pass, (nuint)password.Length, s, (nuint)salt.Length, n, r, p, 0, key, (nuint)output.Length) != 1)
            {
                throw new InvalidOperationException("EVP_PBE_scrypt failed.");
            }
        }
    }

    [LibraryImport(LibCrypto)]
    private static partial int EVP_PBE_scrypt(byte* pass, nuint passlen, byte* salt, nuint saltlen, ulong n, ulong r, ulong p, ulong maxmem, byte* key, nuint keylen);
}
