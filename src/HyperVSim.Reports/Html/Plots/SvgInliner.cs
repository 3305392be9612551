using System.Globalization;
using System.Text.RegularExpressions;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// Turns a ScottPlot SVG document into an element to place inside the page: drops the XML declaration, makes
/// it scale with the page (viewBox), gives every id a per-figure name (Skia numbers clip paths from a counter
/// that depends on what was drawn before, and two figures must not share an id), trims the dangling commas
/// Skia leaves in glyph-position lists, and adds generic fallbacks to its font names.
/// </summary>
internal static partial class SvgInliner
{
    public static string Inline(string svg, string idPrefix, string label)
    {
        ArgumentNullException.ThrowIfNull(svg);
        string s = svg.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        s = XmlDeclaration().Replace(s, string.Empty).TrimStart();

        Match root = RootSize().Match(s);
        if (!root.Success)
        {
            throw new InvalidOperationException("ScottPlot's SVG has no root <svg> element with a width and height");
        }

        string w = root.Groups["w"].Value;
        string h = root.Groups["h"].Value;
        s = string.Concat(
            s.AsSpan(0, root.Index),
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{HtmlText.Escape(label)}\">",
            s.AsSpan(root.Index + root.Length));

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string old)
        {
            if (!names.TryGetValue(old, out string? name))
            {
                name = idPrefix + "-" + (names.Count + 1).ToString(CultureInfo.InvariantCulture);
                names[old] = name;
            }

            return name;
        }

        s = IdOrReference().Replace(s, m => m.Groups["id"].Success
            ? $"id=\"{Rename(m.Groups["id"].Value)}\""
            : m.Groups["url"].Success
                ? $"url(#{Rename(m.Groups["url"].Value)})"
                : $"href=\"#{Rename(m.Groups["href"].Value)}\"");
        s = DanglingListComma().Replace(s, "${name}=\"${list}\"");
        s = FontFamily().Replace(s, m => $"font-family=\"{FontStack(m.Groups["family"].Value)}\"");
        return s;
    }

    private static string FontStack(string family)
    {
        string first = new(family.Split(',')[0].Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray());
        string[] stack = [first, "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"];
        return string.Join(", ", stack.Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Select(f => $"'{f}'")) + ", sans-serif";
    }

    [GeneratedRegex(@"^<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("<svg\\b[^>]*?\\bwidth=\"(?<w>[0-9.]+)\"[^>]*?\\bheight=\"(?<h>[0-9.]+)\"[^>]*>")]
    private static partial Regex RootSize();

    [GeneratedRegex("\\bid=\"(?<id>[^\"]+)\"|url\\(#(?<url>[^)\"']+)\\)|href=\"#(?<href>[^\"]+)\"")]
    private static partial Regex IdOrReference();

    [GeneratedRegex("\\b(?<name>x|y|dx|dy)=\"(?<list>[^\"]*?)[,\\s]+\"")]
    private static partial Regex DanglingListComma();

    [GeneratedRegex("font-family=\"(?<family>[^\"]*)\"")]
    private static partial Regex FontFamily();
}
