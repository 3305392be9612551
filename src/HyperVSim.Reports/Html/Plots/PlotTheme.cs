using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>What every plot of the report shares: size, font, colours of migration phases, and SVG export.</summary>
internal static class PlotTheme
{
    /// <summary>Drawing width in SVG units; the page scales it to its column.</summary>
    public const int Width = 1040;

    public const int Height = 380;

    public static readonly Color Queued = Color.FromHex("#C9CED6");
    public static readonly Color Setup = Color.FromHex("#8E6BBF");
    public static readonly Color Pass = Color.FromHex("#2F6FB3");
    public static readonly Color PassAlternate = Color.FromHex("#79A9DB");
    public static readonly Color Blackout = Color.FromHex("#D62728");
    public static readonly Color Switchover = Color.FromHex("#F0A30A");

    /// <summary>Line colours for series, in order (a colour-blind-friendly set, then darker variants).</summary>
    public static readonly Color[] Series =
    [
        Color.FromHex("#1F77B4"), Color.FromHex("#FF7F0E"), Color.FromHex("#2CA02C"), Color.FromHex("#D62728"),
        Color.FromHex("#9467BD"), Color.FromHex("#8C564B"), Color.FromHex("#E377C2"), Color.FromHex("#7F7F7F"),
        Color.FromHex("#BCBD22"), Color.FromHex("#17BECF"),
    ];

    private static readonly Lazy<string> FontName = new(PickFont);

    public static Color SeriesColor(int index) => Series[index % Series.Length];

    /// <summary>A plot with the report's font, axis labels and a light grid.</summary>
    public static Plot New(string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName.Value);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Grid.MajorLineColor = Color.FromHex("#000000").WithAlpha(0.08);
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>The plot as an SVG element ready to inline: ids prefixed by <paramref name="id"/>, scaled by the page.</summary>
    public static string ToSvg(Plot plot, string id, string label, int height = Height) =>
        SvgInliner.Inline(plot.GetSvgXml(Width, height), id, label);

    /// <summary>How plots name a migration: "vm: from→to" ("?" when no host took it).</summary>
    public static string MigrationLabel(MigrationRecord m) => Label($"{m.Vm}: {m.From}\u2192{m.To ?? "?"}");

    /// <summary>A label safe to draw: control characters replaced.</summary>
    public static string Label(string text) => HtmlText.Clean(text);

    private static string PickFont()
    {
        foreach (string name in new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans" })
        {
            if (Fonts.GetTypeface(name, bold: false, italic: false) is { } face && string.Equals(face.FamilyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return Fonts.Default;
    }
}
