namespace HyperVSim.Reports.Html.Plots;

/// <summary>One figure of the report: an anchor id, a heading, a caption, and either the inlined SVG or a note saying why there is no plot.</summary>
internal sealed record PlotFigure(string Id, string Title, string Caption, string? Svg, string? Note)
{
    public static PlotFigure Skipped(string id, string title, string note) => new(id, title, string.Empty, null, note);
}
