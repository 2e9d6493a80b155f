using Spectra.LinearAlgebra.Native;

namespace Spectra.LinearAlgebra;

/// <summary>One candidate of the backend chain and what became of it.</summary>
/// <param name="Candidate">"SPECTRA_LAPACK=…", "mkl", "openblas", "lapack", "managed".</param>
/// <param name="Library">The file tried (or the names tried).</param>
/// <param name="Loaded">Whether it loaded and passed verification.</param>
/// <param name="Reason">Why it was skipped, or "selected".</param>
public sealed record BackendAttempt(string Candidate, string Library, bool Loaded, string Reason);

/// <summary>The chosen backend and the chain that led to it (printed by <c>spectra info</c>).</summary>
public sealed record BackendSelection(ILinearAlgebraBackend Backend, IReadOnlyList<BackendAttempt> Attempts)
{
    /// <summary>The SPECTRA_LAPACK library that was asked for and could not be used, or null.</summary>
    public BackendAttempt? RequestedFailure { get; init; }
}

/// <summary>
/// The provider switchboard: resolves the native LAPACK/BLAS library at run time in a fixed
/// order (SPECTRA_LAPACK, MKL, OpenBLAS, system LAPACK + BLAS), accepts a candidate only after it
/// computes a small known spectrum correctly, and falls back to the managed solver.
/// </summary>
public static class LinearAlgebraBackends
{
    /// <summary>Environment variable: a library path, or "managed" to force the managed solver.</summary>
    public const string LibraryVariable = "SPECTRA_LAPACK";

    /// <summary>Environment variable: the native thread count (the library's default when unset).</summary>
    public const string ThreadsVariable = "SPECTRA_THREADS";

    /// <summary>Set by Slurm inside a task started with --cpus-per-task: the task's CPU share.</summary>
    public const string SlurmCpusVariable = "SLURM_CPUS_PER_TASK";

    private static readonly object Gate = new();
    private static BackendSelection? _default;

    /// <summary>The process-wide backend, resolved once from the environment.</summary>
    public static BackendSelection Default
    {
        get
        {
            lock (Gate)
            {
                return _default ??= Resolve(Environment.GetEnvironmentVariable(LibraryVariable), DefaultThreads(Environment.GetEnvironmentVariable));
            }
        }
    }

    /// <summary>
    /// The process-wide backend with the given thread count applied (0 keeps the current one).
    /// A library requested through SPECTRA_LAPACK that could not be used is an error here rather
    /// than a quiet fallback: whoever named a library expects its results, not another's.
    /// </summary>
    public static ILinearAlgebraBackend Get(int threads = 0)
    {
        var selection = Default;
        if (selection.RequestedFailure is { } failed) throw RequestedLibraryUnusable(failed);
        var backend = selection.Backend;
        if (threads > 0 && backend is NativeLapackBackend native) native.SetThreads(threads);
        return backend;
    }

    /// <summary>Resolves a backend chain. <paramref name="requested"/> is a library path, "managed", or null for the default order.</summary>
    public static BackendSelection Resolve(string? requested, int threads = 0)
    {
        var attempts = new List<BackendAttempt>();
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (string.Equals(requested.Trim(), "managed", StringComparison.OrdinalIgnoreCase))
            {
                attempts.Add(new BackendAttempt($"{LibraryVariable}=managed", "", false, "native libraries not tried: managed requested"));
                return Managed(attempts);
            }
            var chosen = TryCandidate($"{LibraryVariable}={requested}", "custom", new[] { requested }, null, attempts, threads);
            if (chosen is not null) return new BackendSelection(chosen, attempts);
        }
        var requestedFailure = attempts.Count > 0 ? attempts[0] : null;
        foreach (var (name, lapackNames, blasNames) in Candidates)
        {
            var chosen = TryCandidate(name, name, lapackNames, blasNames, attempts, threads);
            if (chosen is not null) return new BackendSelection(chosen, attempts) { RequestedFailure = requestedFailure };
        }
        return Managed(attempts) with { RequestedFailure = requestedFailure };
    }

    /// <summary>The error for a SPECTRA_LAPACK library that was requested and not used.</summary>
    public static SpectraException RequestedLibraryUnusable(BackendAttempt failed) =>
        new(SpectraErrorKind.Backend, $"{failed.Candidate} cannot be used ({failed.Reason})",
            hint: $"give the path of a LAPACK/BLAS shared library (e.g. /usr/lib/x86_64-linux-gnu/libopenblas.so.0), " +
                  $"\"managed\" for the managed solver, or unset {LibraryVariable} for the default order; `spectra info` shows the chain");

    private static readonly (string Name, string[] Lapack, string[]? Blas)[] Candidates =
    {
        ("mkl", new[] { "libmkl_rt.so.2", "libmkl_rt.so", "mkl_rt.2.dll", "mkl_rt.dll" }, null),
        ("openblas", new[] { "libopenblas.so.0", "libopenblas.so", "libopenblas.dll", "libopenblas.dylib" }, null),
        ("lapack", new[] { "liblapack.so.3", "liblapack.so" }, new[] { "libblas.so.3", "libblas.so" }),
    };

    private static BackendSelection Managed(List<BackendAttempt> attempts)
    {
        attempts.Add(new BackendAttempt("managed", ManagedBackend.Instance.Info.Library, true, "selected"));
        return new BackendSelection(ManagedBackend.Instance, attempts);
    }

    private static ILinearAlgebraBackend? TryCandidate(string candidate, string name, string[] lapackNames, string[]? blasNames,
        List<BackendAttempt> attempts, int threads)
    {
        var (lapack, lapackPath, lapackError) = Load(lapackNames);
        if (lapack == 0)
        {
            attempts.Add(new BackendAttempt(candidate, string.Join(", ", lapackNames), false, lapackError));
            return null;
        }
        var blas = lapack;
        var library = lapackPath;
        if (blasNames is not null)
        {
            var (b, blasPath, blasError) = Load(blasNames);
            if (b == 0)
            {
                attempts.Add(new BackendAttempt(candidate, string.Join(", ", blasNames), false, blasError));
                return null;
            }
            blas = b;
            library = lapackPath + " + " + blasPath;
        }
        var functions = LapackFunctions.TryResolve(lapack, blas, out var missing);
        if (functions is null)
        {
            attempts.Add(new BackendAttempt(candidate, library, false, $"not a LAPACK/BLAS library: symbol {missing} is missing"));
            return null;
        }
        var backend = new NativeLapackBackend(name, library, functions);
        if (threads > 0) backend.SetThreads(threads);
        var failure = BackendVerification.Verify(backend);
        if (failure is not null)
        {
            attempts.Add(new BackendAttempt(candidate, library, false, "failed verification: " + failure));
            return null;
        }
        attempts.Add(new BackendAttempt(candidate, library, true, "selected"));
        return backend;
    }

    private static (nint Handle, string Path, string Error) Load(string[] names)
    {
        var errors = new List<string>();
        foreach (var n in names)
        {
            try
            {
                var h = NativeLibrary.Load(n);
                return (h, ResolvePath(n), "");
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or ArgumentException)
            {
                errors.Add(e is BadImageFormatException ? $"{n}: not a loadable library" : $"{n}: not found");
            }
        }
        return (0, "", string.Join("; ", errors.Distinct()));
    }

    /// <summary>The file a library name resolved to, read from the process map where the platform has one.</summary>
    private static string ResolvePath(string name)
    {
        if (Path.IsPathRooted(name)) return Path.GetFullPath(name);
        try
        {
            if (File.Exists("/proc/self/maps"))
            {
                var stem = name.Split(".so")[0];
                foreach (var line in File.ReadLines("/proc/self/maps"))
                {
                    var idx = line.IndexOf('/');
                    if (idx < 0) continue;
                    var path = line[idx..];
                    if (Path.GetFileName(path).StartsWith(stem, StringComparison.Ordinal)) return path;
                }
            }
        }
        catch (IOException)
        {
            // The map is informative only; the bare name is reported instead.
        }
        return name;
    }

    /// <summary>
    /// The thread count when --threads is not given: SPECTRA_THREADS, else the Slurm task's CPU share (the
    /// library's default would take every core of the node, which the task's neighbours are using), else 0
    /// (the library's default). Values that are not a positive integer count as unset; the cap is the option's.
    /// </summary>
    internal static int DefaultThreads(Func<string, string?> environment)
    {
        var own = ParseThreads(environment(ThreadsVariable));
        return own > 0 ? own : ParseThreads(environment(SlurmCpusVariable));
    }

    private static int ParseThreads(string? value) =>
        int.TryParse(value?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > 0
            ? Math.Min(t, OptionLimits.MaxThreads)
            : 0;
}
