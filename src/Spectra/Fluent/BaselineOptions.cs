using Spectra.Checks;

namespace Spectra.Fluent;

/// <summary>
/// A baseline's recorded options held to the rules of options given directly, with the baseline named:
/// a check repeats them, so `k_top: -5` or `eta: "banana"` in the file is the file's error, not the user's.
/// </summary>
public static class BaselineOptions
{
    /// <summary>Reads a baseline file and checks its options.</summary>
    public static Baseline Read(string path) => Checked(BaselineFile.Read(path), path);

    public static Baseline Checked(Baseline baseline, string path)
    {
        try
        {
            OptionMapping.Check(baseline.Options);
        }
        catch (SpectraException e)
        {
            throw SpectraException.Invalid(e.Reason, path, "key options", e.Hint ?? BaselineFile.RecreateHint);
        }
        return baseline;
    }
}
