using System.Xml.Linq;
namespace Spectra.Checks;

/// <summary>
/// A check as JUnit XML, one test case per rule, for CI test dashboards. JUnit knows no warnings: a
/// warning is a passing case with the message in system-out, or a failure with --warn-as-error.
/// A rule that could not be computed is an error.
/// </summary>
internal static class JUnitCheckWriter
{
    public static string Write(CheckResult result, string suiteName, bool warnAsError)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cases = result.Outcomes.Select(o => Case(o, warnAsError)).ToList();
        var failures = result.Outcomes.Count(o => o.Status == CheckStatus.Fail || (warnAsError && o.Status == CheckStatus.Warn));
        var errors = result.Count(CheckStatus.Error);
        var suite = new XElement("testsuite",
            new XAttribute("name", suiteName),
            new XAttribute("tests", result.Outcomes.Count.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("failures", failures.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("errors", errors.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("skipped", "0"),
            result.SizeMatch is { } match ? new XElement("properties", new XElement("property", new XAttribute("name", "size_match"), new XAttribute("value", match.Description))) : null,
            cases);
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "spectra"),
                new XAttribute("tests", result.Outcomes.Count.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("failures", failures.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("errors", errors.ToString(CultureInfo.InvariantCulture)),
                suite));
        return doc.Declaration + "\n" + doc.Root + "\n";
    }

    private static XElement Case(RuleOutcome o, bool warnAsError)
    {
        var e = new XElement("testcase",
            new XAttribute("classname", "spectra.check." + o.Rule.Metric),
            new XAttribute("name", o.Rule.DisplayName),
            new XAttribute("time", "0"));
        switch (o.Status)
        {
            case CheckStatus.Fail:
                e.Add(new XElement("failure", new XAttribute("type", "fail"), new XAttribute("message", o.Message), o.Message));
                break;
            case CheckStatus.Warn when warnAsError:
                e.Add(new XElement("failure", new XAttribute("type", "warn"), new XAttribute("message", o.Message), o.Message));
                break;
            case CheckStatus.Warn:
                e.Add(new XElement("system-out", "WARNING: " + o.Message));
                break;
            case CheckStatus.Error:
                e.Add(new XElement("error", new XAttribute("type", "could-not-compute"), new XAttribute("message", o.Message), o.Message));
                break;
        }
        return e;
    }
}
