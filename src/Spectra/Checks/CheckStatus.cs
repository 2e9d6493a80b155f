namespace Spectra.Checks;

/// <summary>The outcome of a rule or a whole check, ordered from best to worst.</summary>
public enum CheckStatus
{
    Pass = 0,
    Warn = 1,
    Fail = 2,
    /// <summary>The metric or its baseline could not be computed; the check says nothing about the data.</summary>
    Error = 3,
}

/// <summary>The process exit codes of <c>spectra check</c>.</summary>
internal static class ExitCodes
{
    public const int Pass = 0;
    public const int Warn = 1;
    public const int Fail = 2;
    public const int CouldNotCompute = 3;

    public static int For(CheckStatus status, bool warnAsError) => status switch
    {
        CheckStatus.Pass => Pass,
        CheckStatus.Warn => warnAsError ? Fail : Warn,
        CheckStatus.Fail => Fail,
        _ => CouldNotCompute,
    };
}
