namespace Faithcoin.Packaging.Tests;

/// <summary>
/// Runs packaging/run-arm64-qemu.sh: needs qemu-aarch64-static (user-mode emulation, called explicitly since
/// binfmt is not mounted here) and the arm64 C/C++ runtime under /lib and /usr/lib/aarch64-linux-gnu.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Arm64QemuFactAttribute : PackagingScriptFactAttribute
{
    public Arm64QemuFactAttribute()
        : base("packaging/run-arm64-qemu.sh", "bash", "qemu-aarch64-static", "python3", "curl", "file", "dotnet")
    {
        if (Skip is null && !File.Exists("/lib/ld-linux-aarch64.so.1"))
        {
            Skip = "packaging/run-arm64-qemu.sh needs the arm64 libraries (libc6:arm64, libstdc++6:arm64, libgcc-s1:arm64, libssl3:arm64, zlib1g:arm64)";
        }
    }
}
