using System.Runtime.Intrinsics.X86;

namespace Spectra.LinearAlgebra;

/// <summary>What the processor does that the kernel choice depends on, read once from CPUID.</summary>
internal static class ProcessorTraits
{
    /// <summary>
    /// True on processors that run each 512-bit vector instruction as two 256-bit halves (AMD family 19h,
    /// Zen 4): there a 512-bit kernel has no more arithmetic per cycle than a tuned AVX2 one.
    /// </summary>
    public static bool SplitsAvx512 { get; } = ReadSplitsAvx512();

    private static bool ReadSplitsAvx512()
    {
        if (!X86Base.IsSupported || !Avx512F.IsSupported) return false;
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        bool amd = ebx == 0x68747541 && edx == 0x69746E65 && ecx == 0x444D4163; // "Auth" "enti" "cAMD"
        if (!amd) return false;
        var eax = X86Base.CpuId(1, 0).Eax;
        int family = (eax >> 8) & 0xF;
        if (family == 0xF) family += (eax >> 20) & 0xFF;
        return family == 0x19;
    }
}
