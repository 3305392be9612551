using System.Text;

namespace HyperVSim.Reports.Html;

/// <summary>Makes strings from a result safe to place in the report: escaped for HTML and XML, and free of characters XML forbids.</summary>
internal static class HtmlText
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> and replaces characters XML 1.0 cannot carry with U+FFFD, so the page stays well-formed.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in Clean(text))
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The text with control characters and unpaired surrogates replaced by U+FFFD (tab, line feed and carriage return kept).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok;
            if (char.IsHighSurrogate(c))
            {
                ok = i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (ok)
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }
            }
            else
            {
                ok = !char.IsLowSurrogate(c) && (c >= 0x20 || c is '\t' or '\n' or '\r') && c is not ('\uFFFE' or '\uFFFF');
            }

            if (!ok && sb is null)
            {
                sb = new StringBuilder(text.Length);
                sb.Append(text, 0, i);
            }

            sb?.Append(ok ? c : '\uFFFD');
        }

        return sb?.ToString() ?? text;
    }
}
