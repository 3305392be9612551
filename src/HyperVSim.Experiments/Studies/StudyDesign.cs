using System.Globalization;
using HyperVSim.Engine;

namespace HyperVSim.Experiments.Studies;

/// <summary>Turns varied parameters into points: a full grid, or a Latin hypercube over ranges.</summary>
public static class StudyDesign
{
    /// <summary>A parameter: its values (a grid axis, or categories in a hypercube), or a numeric range with a unit.</summary>
    public sealed record Axis(string Path, IReadOnlyList<string> Values, double From = 0, double To = 0, string Unit = "")
    {
        public bool IsRange => Values.Count == 0;
    }

    /// <summary>Every combination, the first parameter varying slowest; one point with no settings when nothing varies.</summary>
    public static IReadOnlyList<StudyPoint> Grid(IReadOnlyList<Axis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        IEnumerable<IReadOnlyList<StudySetting>> combos = [[]];
        foreach (Axis a in axes)
        {
            Axis axis = a;
            combos = combos.SelectMany(c => axis.Values.Select(v => (IReadOnlyList<StudySetting>)[.. c, new StudySetting(axis.Path, v)]));
        }

        return combos.Select((s, i) => new StudyPoint(i, s)).ToArray();
    }

    /// <summary>
    /// A Latin hypercube of <paramref name="samples"/> points (McKay, Beckman and Conover 1979): each axis is cut into
    /// as many equal strata as samples, each stratum used once, in an order shuffled per axis; a range takes a uniform
    /// draw inside its stratum, a list the value whose share of the strata it falls in. Draws come from the study's
    /// stream (seed, "study", "lhs:PATH"), so the design is the same on every machine.
    /// </summary>
    public static IReadOnlyList<StudyPoint> LatinHypercube(IReadOnlyList<Axis> axes, int samples, long seed)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var streams = new RandomStreams(seed);
        var columns = new List<string[]>();
        foreach (Axis a in axes)
        {
            Random rnd = streams.For("study", "lhs:" + a.Path);
            int[] strata = Enumerable.Range(0, samples).ToArray();
            rnd.Shuffle(strata);
            columns.Add(strata.Select(s => a.IsRange
                ? Format(a.From + (s + rnd.NextDouble()) / samples * (a.To - a.From), a.Unit)
                : a.Values[(int)((long)s * a.Values.Count / samples)]).ToArray());
        }

        return Enumerable.Range(0, samples)
            .Select(i => new StudyPoint(i, axes.Select((a, j) => new StudySetting(a.Path, columns[j][i])).ToArray()))
            .ToArray();
    }

    private static string Format(double value, string unit) => value.ToString("0.######", CultureInfo.InvariantCulture) + unit;
}
