using System.CommandLine;
using System.Globalization;
using System.Text;
using HyperVSim.Engine;
using HyperVSim.Experiments.Calibration;
using HyperVSim.Model.Specs;
using HyperVSim.Reports.Output;
using HyperVSim.Reports.Text;
using HyperVSim.Scenarios;
using HyperVSim.Scenarios.Calibration;

namespace HyperVSim.Cli.Commands;

/// <summary>
/// <c>hypervsim calibrate S.yaml MEASUREMENTS.csv [--fit a,b] [--overlay OUT.yaml]</c>: fits model parameters to
/// measured migrations through the simulator (docs/calibrate.md), prints them with their standard errors and the
/// residuals, and writes an overlay of key paths that <c>run S.yaml --overlay OUT.yaml</c> applies.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario whose settings, first host and first VM the measured migrations are simulated with; the fit starts from its values" };
        var csv = new Argument<string>("measurements") { Description = "CSV of measured migrations (docs/calibrate.md): vm_memory, option, link_speed, concurrency, total_s[, blackout_ms, bytes, count]" };
        var fit = new Option<string?>("--fit") { Description = "Parameters to fit, comma-separated (default: every one the measurements identify): " + string.Join(", ", CalibrationParameter.All.Select(p => p.Name)) };
        var overlay = new Option<string?>("--overlay") { Description = "Write the fitted values as an overlay (key path: value) for 'run S.yaml --overlay FILE'" };
        var threads = new Option<int>("--threads") { Description = "Rows simulated at once (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("calibrate", "Fit model parameters to measured live migrations (least squares through the simulator)") { scenario, csv, fit, overlay, threads };
        cmd.SetAction(pr => Execute(context(pr), pr.GetValue(scenario)!, pr.GetValue(csv)!, pr.GetValue(fit), pr.GetValue(overlay), pr.GetValue(threads)));
        return cmd;
    }

    private static int Execute(CliContext ctx, string scenarioPath, string csvPath, string? fit, string? overlayPath, int threads)
    {
        if (threads < 1)
        {
            return ctx.Refuse("--threads needs a whole number of at least 1");
        }

        string[]? names = fit?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string name in names ?? [])
        {
            if (CalibrationParameter.Find(name) is null)
            {
                return ctx.Refuse($"error: --fit {name}: not a parameter. Fix: use one or more of {string.Join(", ", CalibrationParameter.All.Select(p => p.Name))}, comma-separated");
            }
        }

        if (OutputCheck.Problem([OutputTarget.For("--overlay", overlayPath)], [("the scenario", scenarioPath), ("the measurements", csvPath)]) is { } refused)
        {
            return ctx.Refuse(refused);
        }

        ScenarioSpec? spec = ScenarioInput.Load(scenarioPath, ctx);
        if (spec is null)
        {
            return ExitCodes.InvalidInput;
        }

        IReadOnlyList<MeasurementRow> rows;
        try
        {
            rows = MeasurementCsv.LoadFile(csvPath);
        }
        catch (ScenarioException ex)
        {
            ScenarioInput.PrintErrors(ex, csvPath, ctx, "fitted");
            return ExitCodes.InvalidInput;
        }

        Measurement[] measurements = rows.Select(r => new Measurement(r.Line, r.VmMemoryBytes, r.Option, r.LinkBitsPerSecond, r.Concurrency, r.TotalSeconds, r.BlackoutSeconds, r.Bytes, r.Count ?? 0)).ToArray();
        CalibrationResult result;
        try
        {
            result = Calibrator.Fit(spec, measurements, names, threads);
        }
        catch (CalibrationException ex)
        {
            return ctx.Refuse($"{csvPath}: {ex.Message}");
        }

        ctx.Out.WriteLine($"Calibration of {spec.Name} ({scenarioPath}) against {csvPath}");
        CalibrationText.Write(result, ctx.Out, Format);
        if (overlayPath is not null)
        {
            try
            {
                using var set = new OutputSet();
                set.AddText(overlayPath, Overlay(result, scenarioPath, csvPath));
                set.Commit();
            }
            catch (OutputWriteException ex)
            {
                return ctx.Refuse($"error: {ex.Message}. Nothing was written.");
            }

            ctx.Out.WriteLine();
            ctx.Out.WriteLine($"Wrote {overlayPath}: apply it with 'hypervsim run {scenarioPath} --overlay {overlayPath}'");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The overlay: one <c>key path: value</c> line per fitted parameter, in scenario units, with where it came from.</summary>
    internal static string Overlay(CalibrationResult result, string scenarioPath, string csvPath)
    {
        var sb = new StringBuilder();
        sb.Append("# Written by 'hypervsim calibrate ").Append(scenarioPath).Append(' ').Append(csvPath).Append("'.\n");
        sb.Append("# Apply: hypervsim run ").Append(scenarioPath).Append(" --overlay THIS_FILE (each line is also a --set PATH=VALUE).\n");
        foreach (FittedParameter p in result.Parameters)
        {
            if (p.Fitted)
            {
                string se = p.StandardError is { } e ? " ± " + Format(p.Parameter, double.Parse(e.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)) + " (standard error)" : " (no standard error)";
                string bound = p.Value >= p.Parameter.Max || p.Value <= p.Parameter.Min ? ", at its bound" : string.Empty;
                sb.Append("# ").Append(p.Parameter.Name).Append(" = ").Append(Format(p.Parameter, p.Value)).Append(se).Append(bound)
                    .Append("; the scenario had ").Append(p.Set ? Format(p.Parameter, p.Start) : "none").Append('\n');
            }
        }

        foreach (FittedParameter p in result.Parameters.Where(p => p.Fitted))
        {
            sb.Append(p.Parameter.KeyPath).Append(": ").Append(Format(p.Parameter, p.Value)).Append('\n');
        }

        if (!result.Parameters.Any(p => p.Fitted))
        {
            sb.Append("{}\n");
        }

        return sb.ToString();
    }

    /// <summary>A value in the units a scenario writes it with (parsing it gives the value back).</summary>
    internal static string Format(CalibrationParameter p, double value) => p.Kind switch
    {
        ParameterKind.Duration => Units.FormatDuration(SimTime.FromSeconds(value)),
        ParameterKind.ByteRate => Units.FormatByteRate(value),
        ParameterKind.BitRate => Units.FormatBitRate(value),
        _ => Units.FormatFraction(value),
    };
}
