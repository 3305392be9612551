using System.Xml;
using System.Xml.Linq;

namespace HyperVSim.Reports.Tests.Html;

/// <summary>The report parsed as XML: the HTML5 doctype line removed, the rest read by System.Xml, which rejects anything not well-formed.</summary>
internal sealed class XhtmlPage
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    public const string Doctype = "<!DOCTYPE html>\n";

    private XhtmlPage(XDocument document) => Document = document;

    public XDocument Document { get; }

    public static XhtmlPage Parse(string html)
    {
        if (!html.StartsWith(Doctype, StringComparison.Ordinal))
        {
            throw new FormatException("the page does not open with the HTML5 doctype");
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(html[Doctype.Length..]), settings);
        return new XhtmlPage(XDocument.Load(reader));
    }

    public XElement Figure(string id) =>
        Document.Descendants(Xhtml + "figure").Single(f => (string?)f.Attribute("id") == id);

    /// <summary>The text of every SVG &lt;text&gt; element in the figure, trimmed.</summary>
    public IReadOnlyList<string> SvgTexts(string figureId) =>
        Figure(figureId).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToArray();
}
