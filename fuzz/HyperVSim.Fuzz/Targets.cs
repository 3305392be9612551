using System.Text;
using HyperVSim.Experiments.Comparison;
using HyperVSim.Scenarios;

namespace HyperVSim.Fuzz;

/// <summary>
/// The fuzz targets. Each feeds one input to a parser and returns what became of it; the parser's own error is an
/// expected outcome, provided it keeps its contract (a position from 1:1, a message, a fix). Any other exception,
/// or a broken contract, escapes and is a crash.
/// </summary>
public static class Targets
{
    /// <summary>The targets by the name given on the command line.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, string>> ByName = new Dictionary<string, Func<string, string>>(StringComparer.Ordinal)
    {
        ["scenario"] = Scenario,
        ["report"] = Report,
    };

    /// <summary>The input as text, as the CLI reads a file: UTF-8 unless a byte-order mark says otherwise, invalid bytes replaced.</summary>
    public static string Decode(Stream input)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The scenario loader, from text; a <see cref="ScenarioException"/> is expected.</summary>
    public static string Scenario(string text)
    {
        try
        {
            ScenarioLoader.LoadText(text, "fuzz.yaml");
            return "accepted";
        }
        catch (ScenarioException ex)
        {
            ScenarioError? broken = ex.Errors.FirstOrDefault(e => e.Line < 1 || e.Column < 1 || e.Message.Length == 0 || e.Fix.Length == 0);
            return broken is null
                ? $"refused:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", ex.Errors)}"
                : throw new InvalidOperationException($"a scenario error without a position, message or fix: {broken}", ex);
        }
    }

    /// <summary>The report parser used by <c>compare</c>; a <see cref="ReportFormatException"/> is expected.</summary>
    public static string Report(string text)
    {
        try
        {
            ReportSnapshot report = ReportParser.Parse(text, "fuzz.json");
            return $"accepted: {report.Records.Count} records";
        }
        catch (ReportFormatException ex)
        {
            // A report error names where: a line and column (JSON syntax) or the field's JSON path (a bad value).
            return (ex.Line >= 1 && ex.Column >= 1) || !string.IsNullOrEmpty(ex.JsonPath)
                ? $"refused: {ex.Message}"
                : throw new InvalidOperationException($"a report error without a position or a path: {ex.Message}", ex);
        }
    }
}
