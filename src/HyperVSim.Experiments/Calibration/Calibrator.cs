using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using HyperVSim.Model.Specs;

namespace HyperVSim.Experiments.Calibration;

/// <summary>A parameter after the fit: its starting and fitted value, standard error, or why it stayed fixed; <see cref="Set"/> false when the scenario leaves it unset (a stream ceiling of none).</summary>
public sealed record FittedParameter(CalibrationParameter Parameter, double Start, double Value, double? StandardError, string? FixedBecause, bool Set = true)
{
    public bool Fitted => FixedBecause is null;
}

/// <summary>One measurement with the simulator's prediction before the fit (the scenario's values) and after it.</summary>
public sealed record FittedRow(Measurement Measurement, Prediction Before, Prediction After);

/// <summary>
/// The outcome of <see cref="Calibrator.Fit"/>: every candidate parameter (fitted or fixed), every row, the residual
/// sum of squares of the relative residuals, its degrees of freedom, and the scenario with the fitted values applied.
/// </summary>
public sealed record CalibrationResult(
    IReadOnlyList<FittedParameter> Parameters,
    IReadOnlyList<FittedRow> Rows,
    int Residuals,
    double ResidualSumOfSquares,
    int Iterations,
    string ExitReason,
    ScenarioSpec Fitted)
{
    /// <summary>Residuals minus fitted parameters.</summary>
    public int DegreesOfFreedom => Residuals - Parameters.Count(p => p.Fitted);
}

/// <summary>
/// Least-squares calibration (docs/calibrate.md): finds the parameter values that make the simulator reproduce the
/// measurements, minimising Σ r_i² over relative residuals r_i = predicted_i / measured_i − 1 (total seconds of every
/// row, blackout and bytes where measured) by Levenberg–Marquardt (MathNet), every prediction a run of
/// <see cref="CalibrationExperiment"/>. Parameters are fitted as multiples θ of a scale (their starting value, or a
/// nominal one when it is 0); the Jacobian is by central differences (step 10⁻³ of θ); standard errors are
/// sqrt(diag(s² (JᵀJ)⁻¹)) with s² = Σ r² / (n − p) at the minimum.
/// </summary>
public static class Calibrator
{
    /// <summary>Relative step of the finite-difference Jacobian in θ.</summary>
    public const double Step = 1e-3;

    /// <summary>Smallest ratio of the smallest to the largest singular value of the column-normalised Jacobian kept: below it a parameter is not separable from the others.</summary>
    public const double SeparableRatio = 1e-3;

    /// <summary>Significant digits the fitted values are rounded to before the final predictions and the overlay.</summary>
    public const int Digits = 5;

    /// <summary>
    /// Fits <paramref name="names"/> (null: every parameter of <see cref="CalibrationParameter.All"/>) to
    /// <paramref name="measurements"/>, starting from the values in <paramref name="scenario"/>; the parameters the
    /// data cannot identify stay at those values, each with the reason. <paramref name="threads"/> rows run at once.
    /// </summary>
    public static CalibrationResult Fit(ScenarioSpec scenario, IReadOnlyList<Measurement> measurements, IReadOnlyList<string>? names = null, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(measurements);
        if (measurements.Count == 0)
        {
            throw new CalibrationException("no measurements to fit");
        }

        IReadOnlyList<CalibrationParameter> candidates = names is null
            ? CalibrationParameter.All
            : names.Select(n => CalibrationParameter.Find(n) ?? throw new CalibrationException($"unknown parameter '{n}' (known: {string.Join(", ", CalibrationParameter.All.Select(p => p.Name))})")).ToArray();
        var targets = Targets(measurements);
        var problem = new Problem(scenario, measurements, targets, threads);

        // Static screening: a parameter the scenario lacks or no measurement can show stays fixed.
        var fixedBecause = new Dictionary<CalibrationParameter, string>();
        var starts = new Dictionary<CalibrationParameter, double>();
        foreach (CalibrationParameter p in CalibrationParameter.All)
        {
            double? start = p.Read(scenario);
            starts[p] = start ?? 0;
            string? why = !candidates.Contains(p) ? "not asked for (--fit)" : p.NotIdentified(scenario, measurements) ?? (start is null ? "the scenario does not set it" : null);
            if (why is not null)
            {
                fixedBecause[p] = why;
            }
        }

        List<CalibrationParameter> free = CalibrationParameter.All.Where(p => !fixedBecause.ContainsKey(p)).ToList();
        double[] Scales() => free.Select(p => starts[p] != 0 ? Math.Abs(starts[p]) : Nominal(p)).ToArray();

        // Identifiability at the start: no effect, or not separable from the others.
        Screen(problem, free, starts, fixedBecause, Scales);

        double[] scale = Scales();
        Vector<double> theta = Vector<double>.Build.Dense(free.Select((p, k) => starts[p] / scale[k]).ToArray());
        int iterations = 0;
        string exit = "nothing to fit";
        if (free.Count > 0)
        {
            // Stage 1 without the blackouts, which step most with pre-copy's pass count, and without the switch-over, which
            // only they show: the totals and bytes, nearly smooth, place the other parameters. Stage 2 fits everything from there.
            var smooth = targets.Where(t => t.What != "blackout").ToArray();
            var first = free.Where(p => p.Name != "switchoverTime").ToList();
            if (smooth.Length < targets.Count && first.Count > 0 && smooth.Length > first.Count)
            {
                int[] at = first.Select(p => free.IndexOf(p)).ToArray();
                (Vector<double> t1, int i1, _) = Solve(new Fitter(problem, smooth, first, at.Select(k => scale[k]).ToArray()), Vector<double>.Build.Dense(at.Select(k => theta[k]).ToArray()));
                for (int c = 0; c < at.Length; c++)
                {
                    theta[at[c]] = t1[c];
                }

                iterations += i1;
            }

            (theta, int i2, exit) = Solve(new Fitter(problem, targets, free, scale), theta);
            iterations += i2;
        }

        // Round, then predict and estimate the uncertainty at the rounded values.
        double[] values = free.Select((p, k) => Round(Math.Clamp(theta[k] * scale[k], p.Min, p.Max))).ToArray();
        ScenarioSpec fitted = free.Select((p, k) => (p, v: values[k])).Aggregate(scenario, (s, x) => x.p.Apply(s, x.v));
        Prediction[] after = problem.Predict(fitted);
        Prediction[] before = problem.Predict(scenario);
        double[] r = Relative(targets, after);
        double rss = r.Sum(x => x * x);
        double[]? errors = null;
        int dof = targets.Count - free.Count;
        if (free.Count > 0 && dof > 0)
        {
            var at = Vector<double>.Build.Dense(free.Select((_, k) => values[k] / scale[k]).ToArray());
            Matrix<double> j = new Fitter(problem, targets, free, scale).Jacobian(at, null!);
            Matrix<double> jtj = j.TransposeThisAndMultiply(j);
            Matrix<double> cov = jtj.Inverse() * (rss / dof);
            errors = free.Select((_, k) => Math.Sqrt(Math.Max(0, cov[k, k])) * scale[k]).ToArray();
            if (errors.Any(e => !double.IsFinite(e)))
            {
                errors = null; // JᵀJ singular at the minimum: no standard errors rather than infinite ones.
            }
        }

        var parameters = CalibrationParameter.All.Where(candidates.Contains).Select(p =>
        {
            int k = free.IndexOf(p);
            return k >= 0
                ? new FittedParameter(p, starts[p], values[k], errors?[k], null)
                : new FittedParameter(p, starts[p], starts[p], null, fixedBecause[p], p.Read(scenario) is not null);
        }).ToArray();
        var rows = measurements.Select((m, i) => new FittedRow(m, before[i], after[i])).ToArray();
        return new CalibrationResult(parameters, rows, targets.Count, rss, iterations, exit, fitted);
    }

    /// <summary>
    /// Minimises the fitter's squares from <paramref name="theta0"/>: pre-copy's pass count makes blackout and bytes step
    /// with the parameters, so a simplex search, which needs no derivatives, finds the basin first (MathNet Nelder–Mead);
    /// Levenberg–Marquardt then polishes the minimum within the bounds.
    /// </summary>
    private static (Vector<double> Theta, int Iterations, string Exit) Solve(Fitter fitter, Vector<double> theta0)
    {
        Vector<double> start = theta0;
        int simplex = 0;
        try
        {
            IObjectiveFunction sum = ObjectiveFunction.Value(t => (fitter.Model(t, null!) - 1.0).PointwisePower(2).Sum());
            MinimizationResult found = NelderMeadSimplex.Minimum(sum, theta0, Vector<double>.Build.Dense(theta0.Count, 0.2), 1e-10, 3000);
            start = found.MinimizingPoint;
            simplex = found.Iterations;
        }
        catch (MaximumIterationsException)
        {
            // Not converged: Levenberg–Marquardt starts from theta0 instead.
        }

        start = fitter.Clamp(start);
        IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
            fitter.Model,
            fitter.Jacobian,
            Vector<double>.Build.Dense(fitter.Targets.Count, i => i),
            Vector<double>.Build.Dense(fitter.Targets.Count, 1.0));
        var lm = new LevenbergMarquardtMinimizer(initialMu: 1e-3, gradientTolerance: 1e-12, stepTolerance: 1e-10, functionTolerance: 1e-14, maximumIterations: 200);
        NonlinearMinimizationResult result = lm.FindMinimum(objective, start, fitter.Lower, fitter.Upper);
        return (fitter.Clamp(result.MinimizingPoint), simplex + Math.Max(0, result.Iterations), result.ReasonForExit.ToString());
    }

    /// <summary>The relative residuals predicted/measured − 1 of every target.</summary>
    private static double[] Relative(IReadOnlyList<Target> targets, Prediction[] predictions) =>
        targets.Select(t => (t.Of(predictions[t.Row]) / t.Measured) - 1).ToArray();

    private static void Screen(Problem problem, List<CalibrationParameter> free, Dictionary<CalibrationParameter, double> starts, Dictionary<CalibrationParameter, string> fixedBecause, Func<double[]> scales)
    {
        if (free.Count == 0)
        {
            return;
        }

        double[] scale = scales();
        var fitter = new Fitter(problem, problem.Targets, free, scale);
        Matrix<double> j = fitter.Jacobian(Vector<double>.Build.Dense(free.Select((p, k) => starts[p] / scale[k]).ToArray()), null!);
        var columns = Enumerable.Range(0, free.Count).ToList();
        foreach (int k in columns.ToArray())
        {
            if (j.Column(k).L2Norm() < 1e-6)
            {
                fixedBecause[free[k]] = "the measurements do not change with it at its starting value";
                columns.Remove(k);
            }
        }

        // More parameters than the residuals leave a degree of freedom for: the later in the list (the less a migration's
        // time usually depends on it) stay fixed.
        int n = j.RowCount;
        while (columns.Count > Math.Max(1, n - 1))
        {
            fixedBecause[free[columns[^1]]] = $"too few measurements: {n} measured quantities leave no degree of freedom for it";
            columns.RemoveAt(columns.Count - 1);
        }

        while (columns.Count > 1)
        {
            Matrix<double> m = Matrix<double>.Build.Dense(n, columns.Count, (row, c) => j[row, columns[c]] / j.Column(columns[c]).L2Norm());
            var svd = m.Svd(computeVectors: true);
            if (svd.S[columns.Count - 1] / svd.S[0] >= SeparableRatio)
            {
                break;
            }

            // Drop the parameter that weighs most in the least determined direction.
            Vector<double> weakest = svd.VT.Row(columns.Count - 1);
            int drop = Enumerable.Range(0, columns.Count).MaxBy(c => Math.Abs(weakest[c]));
            fixedBecause[free[columns[drop]]] = "not separable from the other parameters with these measurements";
            columns.RemoveAt(drop);
        }

        free.RemoveAll(p => fixedBecause.ContainsKey(p));
    }

    /// <summary>The scale of a parameter whose starting value is 0.</summary>
    private static double Nominal(CalibrationParameter p) => p.Kind switch
    {
        ParameterKind.Duration => 1,
        ParameterKind.ByteRate or ParameterKind.BitRate => 1e6,
        _ => 1,
    };

    /// <summary><paramref name="v"/> to <see cref="Digits"/> significant digits (the nearest double to that decimal).</summary>
    private static double Round(double v) =>
        double.Parse(v.ToString("G" + Digits, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static List<Target> Targets(IReadOnlyList<Measurement> rows)
    {
        var targets = new List<Target>();
        for (int i = 0; i < rows.Count; i++)
        {
            Measurement m = rows[i];
            targets.Add(new Target(i, "total", m.TotalSeconds, p => p.TotalSeconds));
            if (m.BlackoutSeconds is { } b)
            {
                targets.Add(new Target(i, "blackout", b, p => p.BlackoutSeconds));
            }

            if (m.Bytes is { } bytes)
            {
                targets.Add(new Target(i, "bytes", bytes, p => p.Bytes));
            }
        }

        return targets;
    }

    /// <summary>A measured quantity: its row, what it is, its value and how to read it from a prediction.</summary>
    private sealed record Target(int Row, string What, double Measured, Func<Prediction, double> Of);

    /// <summary>The measurements and how to simulate them all for a candidate scenario.</summary>
    private sealed class Problem(ScenarioSpec scenario, IReadOnlyList<Measurement> rows, IReadOnlyList<Target> targets, int threads)
    {
        public ScenarioSpec Scenario => scenario;

        public IReadOnlyList<Target> Targets => targets;

        public Prediction[] Predict(ScenarioSpec candidate)
        {
            var predictions = new Prediction[rows.Count];
            WorkerThreads.For(rows.Count, threads, i => predictions[i] = CalibrationExperiment.Predict(candidate, rows[i]));
            return predictions;
        }
    }

    /// <summary>The model in θ for MathNet: predicted/measured of each of its targets, and its Jacobian by central differences.</summary>
    private sealed class Fitter(Problem problem, IReadOnlyList<Target> targets, IReadOnlyList<CalibrationParameter> free, double[] scale)
    {
        private readonly Dictionary<string, Vector<double>> _cache = new(StringComparer.Ordinal);

        public IReadOnlyList<Target> Targets => targets;

        public Vector<double> Lower => Vector<double>.Build.Dense(free.Select((p, k) => p.Min / scale[k]).ToArray());

        public Vector<double> Upper => Vector<double>.Build.Dense(free.Select((p, k) => p.Max / scale[k]).ToArray());

        public Vector<double> Clamp(Vector<double> theta) =>
            Vector<double>.Build.Dense(theta.Count, k => Math.Clamp(theta[k], free[k].Min / scale[k], free[k].Max / scale[k]));

        public Vector<double> Model(Vector<double> theta, Vector<double> x)
        {
            string key = string.Join(",", theta.Select(t => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            if (_cache.TryGetValue(key, out Vector<double>? hit))
            {
                return hit;
            }

            ScenarioSpec s = problem.Scenario;
            for (int k = 0; k < free.Count; k++)
            {
                s = free[k].Apply(s, Math.Clamp(theta[k] * scale[k], free[k].Min, free[k].Max));
            }

            Prediction[] p = problem.Predict(s);
            var y = Vector<double>.Build.Dense(targets.Select(t => t.Of(p[t.Row]) / t.Measured).ToArray());
            _cache[key] = y;
            return y;
        }

        public Matrix<double> Jacobian(Vector<double> theta, Vector<double> x)
        {
            var j = Matrix<double>.Build.Dense(targets.Count, free.Count);
            for (int k = 0; k < free.Count; k++)
            {
                double h = Step * Math.Max(Math.Abs(theta[k]), 0.1);
                double lo = free[k].Min / scale[k], hi = free[k].Max / scale[k];
                double a = Math.Max(lo, theta[k] - h), b = Math.Min(hi, theta[k] + h);
                Vector<double> ta = theta.Clone(), tb = theta.Clone();
                ta[k] = a;
                tb[k] = b;
                j.SetColumn(k, (Model(tb, x) - Model(ta, x)) / (b - a));
            }

            return j;
        }
    }
}
