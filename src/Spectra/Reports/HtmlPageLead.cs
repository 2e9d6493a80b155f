namespace Spectra.Reports;

/// <summary>
/// What a page shows before the analysis (a check's verdicts), given by the layer above so that
/// reports do not depend on it. Kind names the page ("check"); Style is added to the page's CSS.
/// </summary>
internal sealed record HtmlPageLead(string Kind, string Style, string Body);
