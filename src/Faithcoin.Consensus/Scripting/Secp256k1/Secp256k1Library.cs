using System.Runtime.InteropServices;

namespace Faithcoin.Consensus.Scripting.Secp256k1;

/// <summary>
/// The few libsecp256k1 functions ECDSA verification needs, bound once to a verify context that lives as long as the
/// process. libsecp256k1 is what 0.15 itself verifies with; the binaries come from the Secp256k1.Net package
/// (runtimes/&lt;rid&gt;/native), found by the runtime's usual native-library probing. Every call takes the context
/// as const, which libsecp256k1 documents as safe from any number of threads at once, so the one instance is shared
/// without locks. Nothing here allocates per call: the opaque key and signature structs live on the stack.
/// </summary>
internal sealed unsafe class Secp256k1Library
{
    private const string LibraryName = "secp256k1";

    /// <summary>SECP256K1_CONTEXT_VERIFY: what libraries before 0.2 needed to verify; later ones accept it as NONE.</summary>
    private const uint ContextVerify = (1 << 0) | (1 << 8);

    private const int OpaqueStructSize = 64;

    private readonly nint context;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, nuint, int> parsePublicKey;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, int> parseCompactSignature;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, int> normalizeSignature;
    private readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, int> verify;

    private Secp256k1Library(nint context, nint[] functions)
    {
        this.context = context;
        parsePublicKey = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nuint, int>)functions[1];
        parseCompactSignature = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, int>)functions[2];
        normalizeSignature = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, int>)functions[3];
        verify = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, byte*, int>)functions[4];
    }

    /// <summary>
    /// The process's one instance (a readonly singleton: its context is created once and never changed or freed), or
    /// null where no libsecp256k1 could be loaded; the script fast path then declines every signature.
    /// </summary>
    public static Secp256k1Library? Shared { get; } = TryLoad(LibraryName);

    /// <summary>The library by <paramref name="name"/> with a fresh verify context, or null when it or one of its functions is missing.</summary>
    public static Secp256k1Library? TryLoad(string name)
    {
        if (!NativeLibrary.TryLoad(name, typeof(Secp256k1Library).Assembly, null, out var library))
        {
            return null;
        }

        // The order the constructor takes them in.
        string[] needed = ["secp256k1_context_create", "secp256k1_ec_pubkey_parse", "secp256k1_ecdsa_signature_parse_compact", "secp256k1_ecdsa_signature_normalize", "secp256k1_ecdsa_verify"];
        var functions = new nint[needed.Length];
        for (var i = 0; i < needed.Length; i++)
        {
            if (!NativeLibrary.TryGetExport(library, needed[i], out functions[i]))
            {
                NativeLibrary.Free(library);
                return null;
            }
        }

        var context = ((delegate* unmanaged[Cdecl]<uint, nint>)functions[0])(ContextVerify);
        return context == 0 ? null : new Secp256k1Library(context, functions);
    }

    /// <summary>
    /// 0.15's CPubKey::Verify after its lax DER parse: the key parsed (any encoding libsecp256k1 accepts), the 64-byte
    /// r‖s signature parsed (false when r or s is not below the order), normalised to low S, which consensus does
    /// not require, then verified against the 32-byte hash.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> compactSignature, ReadOnlySpan<byte> messageHash)
    {
        if (compactSignature.Length != 64 || messageHash.Length != 32 || publicKey.IsEmpty)
        {
            return false;
        }

        var parsedKey = stackalloc byte[OpaqueStructSize];
        var signature = stackalloc byte[OpaqueStructSize];
        fixed (byte* key = publicKey, compact = compactSignature, message = messageHash)
        {
            if (parsePublicKey(context, parsedKey, key, (nuint)publicKey.Length) != 1 ||
                parseCompactSignature(context, signature, compact) != 1)
            {
                return false;
            }

            // Returns whether S was high; either way the signature now holds the low-S form, as in 0.15.
            normalizeSignature(context, signature, signature);
            return verify(context, signature, message, parsedKey) == 1;
        }
    }
}
