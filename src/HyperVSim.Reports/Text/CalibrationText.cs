using System.Globalization;
using HyperVSim.Experiments.Calibration;

namespace HyperVSim.Reports.Text;

/// <summary>
/// A calibration for the console (docs/calibrate.md "Output"): the fitted parameters with their standard errors, those
/// left fixed and why, and every measured quantity with the simulator's value before and after the fit and the
/// relative residual. <c>format</c> writes a parameter's value in scenario units (as the overlay does).
/// </summary>
public static class CalibrationText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(CalibrationResult r, TextWriter w, Func<CalibrationParameter, double, string> format)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(format);
        int fitted = r.Parameters.Count(p => p.Fitted);
        double s = r.DegreesOfFreedom > 0 ? Math.Sqrt(r.ResidualSumOfSquares / r.DegreesOfFreedom) : double.NaN;
        w.WriteLine(string.Create(Inv, $"Fitted {fitted} parameter{(fitted == 1 ? "" : "s")} to {r.Residuals} measured quantit{(r.Residuals == 1 ? "y" : "ies")} of {r.Rows.Count} row{(r.Rows.Count == 1 ? "" : "s")} ({r.Iterations} iterations, {r.ExitReason})"));
        w.WriteLine(r.DegreesOfFreedom > 0
            ? string.Create(Inv, $"Residual standard error s = {s:0.####} (relative), {r.DegreesOfFreedom} degree{(r.DegreesOfFreedom == 1 ? "" : "s")} of freedom")
            : "No degree of freedom left: no standard errors (as many fitted parameters as measured quantities)");
        w.WriteLine();
        if (fitted > 0)
        {
            var t = new TextTable("Parameter", "Start", "Fitted", "Std. error", "Key path");
            foreach (FittedParameter p in r.Parameters.Where(p => p.Fitted))
            {
                string bound = p.Value >= p.Parameter.Max ? " (its upper bound)" : p.Value <= p.Parameter.Min ? " (its lower bound)" : string.Empty;
                t.Add(p.Parameter.Name, format(p.Parameter, p.Start), format(p.Parameter, p.Value) + bound, p.StandardError is { } se ? "± " + Relative(se, p.Value) : "n/a", p.Parameter.KeyPath);
            }

            t.WriteTo(w);
            w.WriteLine();
        }

        if (r.Parameters.Any(p => !p.Fitted))
        {
            w.WriteLine("Fixed at the scenario's value:");
            foreach (FittedParameter p in r.Parameters.Where(p => !p.Fitted))
            {
                string value = p.Set ? format(p.Parameter, p.Start) : "none";
                w.WriteLine($"  {p.Parameter.Name} = {value}: {p.FixedBecause}");
            }

            w.WriteLine();
        }

        var rows = new TextTable("Line", "Memory", "Option", "Link", "At once", "VMs", "Quantity", "Measured", "Before", "Residual", "After", "Residual");
        foreach (FittedRow row in r.Rows)
        {
            Measurement m = row.Measurement;
            foreach ((string what, double measured, double before, double after) in Quantities(row))
            {
                rows.Add(
                    m.Line.ToString(Inv),
                    HumanUnits.Bytes(m.VmMemoryBytes),
                    m.Option,
                    (m.LinkBitsPerSecond / 1e9).ToString("0.###", Inv) + " Gbps",
                    m.Concurrency.ToString(Inv),
                    m.Vms.ToString(Inv),
                    what,
                    Show(what, measured),
                    Show(what, before),
                    Signed((before / measured) - 1),
                    Show(what, after),
                    Signed((after / measured) - 1));
            }
        }

        rows.WriteTo(w);
    }

    /// <summary>Each measured quantity of a row: total, and blackout and bytes when measured.</summary>
    public static IEnumerable<(string What, double Measured, double Before, double After)> Quantities(FittedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Measurement m = row.Measurement;
        yield return ("total", m.TotalSeconds, row.Before.TotalSeconds, row.After.TotalSeconds);
        if (m.BlackoutSeconds is { } b)
        {
            yield return ("blackout", b, row.Before.BlackoutSeconds, row.After.BlackoutSeconds);
        }

        if (m.Bytes is { } bytes)
        {
            yield return ("bytes", bytes, row.Before.Bytes, row.After.Bytes);
        }
    }

    private static string Show(string what, double v) => what == "bytes" ? HumanUnits.Bytes((long)Math.Round(v)) : HumanUnits.Seconds(v);

    private static string Signed(double fraction) => (fraction >= 0 ? "+" : "−") + Math.Abs(fraction * 100).ToString("0.0", Inv) + "%";

    private static string Relative(double se, double value) =>
        se.ToString("G3", Inv) + (value != 0 ? string.Create(Inv, $" ({Math.Abs(se / value) * 100:0.#}%)") : "");
}
