using Spectra.Data.Images;

namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// The HTML report as a browser shows it: headless Chromium lays the page out, a probe script added
/// to a copy of the page records where every chart and path landed, and a screenshot shows that each
/// chart's area is really drawn on.
/// </summary>
public class HtmlReportInBrowserTests : IDisposable
{
    private const int Width = 1400, Height = 1300;
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    // Written for the test only: the report itself carries no script.
    private const string Probe = """
        <script>
        window.addEventListener('load', () => {
          const charts = [...document.querySelectorAll('svg.spectra-chart')].map(svg => {
            const r = svg.getBoundingClientRect();
            const paths = [...svg.querySelectorAll('g.series path')].map(p => {
              const b = p.getBoundingClientRect();
              return { cls: p.getAttribute('class') || '', len: (p.getAttribute('d') || '').length, x: b.x, y: b.y, w: b.width, h: b.height };
            });
            return { id: svg.id, x: r.x, y: r.y, w: r.width, h: r.height, paths };
          });
          const pre = document.createElement('pre');
          pre.id = 'probe';
          pre.textContent = JSON.stringify({ vw: innerWidth, vh: innerHeight, charts });
          document.body.appendChild(pre);
        });
        </script>
        """;

    private sealed record Box(string Id, double X, double Y, double W, double H, List<PathBox> Paths);
    private sealed record PathBox(string Cls, int Len, double X, double Y, double W, double H);
    private sealed record Layout(double Vw, double Vh, List<Box> Charts);

    [ChromiumFact]
    public void Every_chart_is_drawn_inside_the_visible_page()
    {
        var html = _tmp.File("report.html");
        var run = Tool.Run("simulate", "cgd", "--samples", "1500", "--features", "256", "--alpha", "0.5", "--seed", "4", "--html", html, "-q");
        Assert.Equal(0, run.ExitCode);
        var page = File.ReadAllText(html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), page);
        Assert.DoesNotContain("<script", page);

        var probed = _tmp.File("probed.html");
        File.WriteAllText(probed, page.Replace("</body>", Probe + "</body>"));
        var dom = Chromium.Run(probed, Width, Height, "--dump-dom", "--virtual-time-budget=5000");
        var json = WebUtilityDecode(Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(json), "the probe wrote no layout; chromium printed:\n" + dom[..Math.Min(500, dom.Length)]);
        var layout = JsonSerializer.Deserialize<Layout>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        Assert.Equal(new[] { "chart-rank", "chart-spacing", "chart-ratio", "chart-form-factor" }, layout.Charts.Select(c => c.Id));
        foreach (var c in layout.Charts)
        {
            Assert.True(c.W > 300 && c.H > 200, $"{c.Id} is {c.W} × {c.H}");
            Assert.True(c.X >= 0 && c.Y >= 0 && c.X + c.W <= layout.Vw && c.Y + c.H <= layout.Vh,
                $"{c.Id} at ({c.X}, {c.Y}, {c.W} × {c.H}) is outside the {layout.Vw} × {layout.Vh} viewport");
            var drawn = c.Paths.Where(p => p.Len > 0 && p.W > 1 && p.H > 1 && p.Cls is "line" or "bars").ToList();
            Assert.True(drawn.Count > 0, $"{c.Id} has no non-empty data path");
            foreach (var p in drawn)
                Assert.True(p.X >= c.X - 1 && p.Y >= c.Y - 1 && p.X + p.W <= c.X + c.W + 1 && p.Y + p.H <= c.Y + c.H + 1,
                    $"a {p.Cls} path of {c.Id} leaves its chart");
        }

        var shot = _tmp.File("shot.png");
        Chromium.Run(html, Width, Height, $"--screenshot={shot}");
        var pixels = ReadGray(shot, out var w, out var h);
        foreach (var c in layout.Charts)
        {
            var inked = 0;
            var total = 0;
            for (var y = (int)c.Y; y < Math.Min(h, (int)(c.Y + c.H)); y++)
                for (var x = (int)c.X; x < Math.Min(w, (int)(c.X + c.W)); x++)
                {
                    total++;
                    if (pixels[y * w + x] < 0.9) inked++;
                }
            // Axes, ticks, labels and curves cover a few percent of a chart; a blank one has none.
            Assert.True(inked > total / 50, $"{c.Id}: only {inked} of {total} pixels are drawn on in the screenshot");
        }
    }

    private static string WebUtilityDecode(string s) => System.Net.WebUtility.HtmlDecode(s);

    private static double[] ReadGray(string png, out int width, out int height)
    {
        var source = ImageSource.Open(png);
        width = source.ImageWidth;
        height = source.ImageHeight;
        var values = new List<double>();
        foreach (var chunk in source.ReadChunks(1)) values.AddRange(chunk.Values.AsSpan(0, chunk.Columns).ToArray());
        return values.ToArray();
    }
}
