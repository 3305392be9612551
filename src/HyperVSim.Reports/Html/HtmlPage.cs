using System.Text;

namespace HyperVSim.Reports.Html;

/// <summary>
/// The shell of a self-contained page other than the run report (patch-night plan, study summary): the same style
/// sheet, well-formed XHTML, UTF-8 without a byte-order mark, "\n" line ends, nothing fetched and no scripts.
/// </summary>
internal static class HtmlPage
{
    /// <summary>Writes the page through <paramref name="body"/> to <paramref name="stream"/> (left open); <paramref name="footerHtml"/> is markup, not text.</summary>
    public static void Write(Stream stream, string title, Action<TextWriter> body, string footerHtml)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
        w.WriteLine("<head>");
        w.WriteLine("<meta charset=\"utf-8\" />");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />");
        w.WriteLine("<meta name=\"generator\" content=\"HyperVSim\" />");
        w.WriteLine($"<title>{HtmlText.Escape(title)}</title>");
        w.WriteLine("<style>");
        w.WriteLine(ReportStyle.Css);
        w.WriteLine("</style>");
        w.WriteLine("</head>");
        w.WriteLine("<body>");
        w.WriteLine("<div class=\"page\">");
        body(w);
        w.WriteLine($"<footer>{footerHtml}</footer>");
        w.WriteLine("</div>");
        w.WriteLine("</body>");
        w.WriteLine("</html>");
    }

    /// <summary>The page as a string (tests, previews).</summary>
    public static string ToString(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>A header: kicker, title and facts.</summary>
    public static void Header(TextWriter w, string kicker, string title, IEnumerable<(string Name, string Value)> facts)
    {
        w.WriteLine("<header>");
        w.WriteLine($"<h1><span class=\"kicker\">{HtmlText.Escape(kicker)}</span>{HtmlText.Escape(title)}</h1>");
        w.WriteLine("<dl class=\"facts\">");
        foreach (var (name, value) in facts)
        {
            w.WriteLine($"<div><dt>{HtmlText.Escape(name)}</dt><dd>{HtmlText.Escape(value)}</dd></div>");
        }

        w.WriteLine("</dl>");
        w.WriteLine("</header>");
    }

    /// <summary>A figure with its inlined SVG and caption.</summary>
    public static void Figure(TextWriter w, string id, string title, string caption, string svg)
    {
        w.WriteLine($"<figure id=\"{id}\" class=\"plot\">");
        w.WriteLine(svg);
        w.WriteLine($"<figcaption><strong>{HtmlText.Escape(title)}.</strong> {HtmlText.Escape(caption)}</figcaption>");
        w.WriteLine("</figure>");
    }
}
