namespace Spectra.Jobs.Cluster;

/// <summary>POSIX shell quoting for the scripts and commands a cluster run writes.</summary>
internal static class ShellQuote
{
    private const string Safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%";

    /// <summary>The word as the shell reads it back: bare when nothing in it is special, else in single quotes (a quote inside as '\'').</summary>
    public static string Word(string word)
    {
        if (word.Length > 0 && word.All(c => Safe.Contains(c))) return word;
        return "'" + word.Replace("'", "'\\''") + "'";
    }

    /// <summary>Words joined by spaces, each quoted.</summary>
    public static string Words(IEnumerable<string> words) => string.Join(" ", words.Select(Word));
}
