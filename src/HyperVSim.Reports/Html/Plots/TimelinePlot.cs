using System.Globalization;
using HyperVSim.Model.Results;
using ScottPlot;

namespace HyperVSim.Reports.Html.Plots;

/// <summary>
/// The Gantt chart: one row per migration, a bar per phase coloured by kind, and the time it queued as a thin grey bar before it;
/// below them one row per disk that raised a Storage QoS alert (<see cref="QosAlerts"/>).
/// </summary>
internal static class TimelinePlot
{
    public const string Id = "plot-timeline";
    private const string Title = "Migration timeline";
    private const double PhaseThickness = 0.62;
    private const double QueueThickness = 0.26;

    public static PlotFigure Build(SimulationResult r)
    {
        if (r.Migrations.Count == 0 && r.QosEvents.Count == 0)
        {
            return PlotFigure.Skipped(Id, Title, "No migrations in this run: there is no timeline to draw.");
        }

        Plot plot = PlotTheme.New("Simulated time (s)", string.Empty);
        var bars = new List<Bar>();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int migrations = r.Migrations.Count;
        var qosRows = QosAlerts.Rows(r);
        int n = migrations + qosRows.Count;
        double end = 0;
        for (int i = 0; i < migrations; i++)
        {
            MigrationRecord m = r.Migrations[i];
            double row = n - 1 - i;
            ticks.AddMajor(row, PlotTheme.MigrationLabel(m) + (m.Result == MigrationResult.Completed ? string.Empty : $" ({WireNames.Of(m.Result)})"));
            double queueEnd = m.StartedAt ?? m.CompletedAt ?? m.RequestedAt;
            if (queueEnd > m.RequestedAt)
            {
                bars.Add(Span(row, m.RequestedAt, queueEnd, PlotTheme.Queued, QueueThickness));
            }

            int passIndex = 0;
            foreach (PhaseRecord p in m.Phases)
            {
                Color colour = p.Kind switch
                {
                    PhaseKind.Setup => PlotTheme.Setup,
                    PhaseKind.Pass => passIndex++ % 2 == 0 ? PlotTheme.Pass : PlotTheme.PassAlternate,
                    PhaseKind.Blackout => PlotTheme.Blackout,
                    PhaseKind.Switchover => PlotTheme.Switchover,
                    _ => Colors.Gray,
                };
                bars.Add(Span(row, p.StartedAt, p.CompletedAt, colour, PhaseThickness));
            }

            end = Math.Max(end, Math.Max(queueEnd, m.Phases.Count > 0 ? m.Phases.Max(p => p.CompletedAt) : m.CompletedAt ?? 0));
        }

        end = Math.Max(end, QosAlerts.Add(plot, ticks, qosRows, firstRow: n - 1 - migrations, r.SimulatedSeconds));
        if (migrations > 0)
        {
            plot.Add.Bars(bars);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        double start = Math.Min(0, r.Migrations.Select(m => m.RequestedAt).DefaultIfEmpty(0).Min());
        end = Math.Max(end, start + 1e-3);
        plot.Axes.SetLimits(start, end + (end - start) * 0.02, -0.6, n - 0.4);

        if (migrations > 0)
        {
            plot.Legend.ManualItems.Add(Key("queued", PlotTheme.Queued));
            plot.Legend.ManualItems.Add(Key("setup", PlotTheme.Setup));
            plot.Legend.ManualItems.Add(Key("pre-copy passes (alternating shades)", PlotTheme.Pass));
            plot.Legend.ManualItems.Add(Key("blackout", PlotTheme.Blackout));
            plot.Legend.ManualItems.Add(Key("switch-over", PlotTheme.Switchover));
        }

        if (qosRows.Count > 0)
        {
            plot.Legend.ManualItems.Add(Key("QoS minimum alert (32930 until 32931)", QosAlerts.Alerting));
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.TightHorizontalWrapping = true;

        int height = Math.Max(220, 110 + (n * 30));
        string caption = migrations == 0 ? string.Empty : $"One row per migration, in the order they were requested ({migrations.ToString(CultureInfo.InvariantCulture)}). "
            + "Each bar is a phase; the thin grey bar before it is time spent waiting behind the simultaneous-migration limit. "
            + "Blackout and switch-over are short, so they show as thin red and amber slivers at the end of each row.";
        if (qosRows.Count > 0)
        {
            caption = (caption + " " + QosAlerts.Caption).TrimStart();
        }

        return new PlotFigure(Id, Title, caption, PlotTheme.ToSvg(plot, Id, Title, height), null);
    }

    internal static Bar Span(double row, double from, double to, Color colour, double thickness) => new()
    {
        Position = row,
        ValueBase = from,
        Value = to,
        Size = thickness,
        FillColor = colour,
        LineWidth = 0,
        Orientation = Orientation.Horizontal,
    };

    internal static LegendItem Key(string text, Color colour) => new()
    {
        LabelText = text,
        FillColor = colour,
        LineWidth = 0,
    };
}
