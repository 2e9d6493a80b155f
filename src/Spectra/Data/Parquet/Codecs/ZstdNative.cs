namespace Spectra.Data.Parquet.Codecs;

/// <summary>
/// ZSTD through the system's libzstd (no managed ZSTD package is served). Loaded on first use;
/// when it is absent the error names the package to install.
/// </summary>
internal static unsafe class ZstdNative
{
    private static readonly Lazy<Api?> Loaded = new(Load);

    private sealed class Api
    {
        public delegate* unmanaged<byte*, nuint, byte*, nuint, nuint> Decompress;
        public delegate* unmanaged<nuint, uint> IsError;
        public delegate* unmanaged<nuint, byte*> ErrorName;
    }

    public static bool IsAvailable => Loaded.Value is not null;

    private static Api? Load()
    {
        foreach (var name in new[] { "libzstd.so.1", "libzstd.so", "libzstd.1.dylib", "libzstd.dylib", "libzstd.dll", "zstd" })
        {
            if (!NativeLibrary.TryLoad(name, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "ZSTD_decompress", out var d)
                && NativeLibrary.TryGetExport(handle, "ZSTD_isError", out var e)
                && NativeLibrary.TryGetExport(handle, "ZSTD_getErrorName", out var n))
            {
                return new Api
                {
                    Decompress = (delegate* unmanaged<byte*, nuint, byte*, nuint, nuint>)d,
                    IsError = (delegate* unmanaged<nuint, uint>)e,
                    ErrorName = (delegate* unmanaged<nuint, byte*>)n,
                };
            }
        }
        return null;
    }

    public static void Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var api = Loaded.Value ?? throw ParquetErrors.Unsupported(
            "ZSTD-compressed pages need the system library libzstd.so.1, which could not be loaded",
            "install it (Debian/Ubuntu: apt-get install libzstd1; Fedora: dnf install libzstd; macOS: brew install zstd)");
        byte dummyIn = 0, dummyOut = 0;
        nuint result;
        fixed (byte* src = input)
        fixed (byte* dst = output)
        {
            result = api.Decompress(output.Length == 0 ? &dummyOut : dst, (nuint)output.Length,
                input.Length == 0 ? &dummyIn : src, (nuint)input.Length);
        }
        if (api.IsError(result) != 0)
        {
            string name = Marshal.PtrToStringAnsi((IntPtr)api.ErrorName(result)) ?? "unknown error";
            throw ParquetErrors.Corrupt("ZSTD data could not be decompressed: " + name);
        }
        if (result != (nuint)output.Length)
            throw ParquetErrors.Corrupt($"ZSTD data decompressed to {result} bytes, the page header says {output.Length}");
    }
}
