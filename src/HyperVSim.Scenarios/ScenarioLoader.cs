using HyperVSim.Model.Specs;
using HyperVSim.Scenarios.Diagnostics;
using HyperVSim.Scenarios.Reading;
using HyperVSim.Scenarios.Validation;
using HyperVSim.Scenarios.Yaml;

namespace HyperVSim.Scenarios;

/// <summary>
/// Loads a scenario file into a validated <see cref="ScenarioSpec"/> in base units, or throws a
/// <see cref="ScenarioException"/> listing every problem found, each with line, column, path and fix.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads the file at <paramref name="path"/> (UTF-8, at most 10 MiB); the path names it in errors.</summary>
    public static ScenarioSpec LoadFile(string path) => LoadFile(path, ScenarioLoadOptions.Default);

    /// <summary>Reads the file at <paramref name="path"/> with extra rules from <paramref name="options"/>.</summary>
    public static ScenarioSpec LoadFile(string path, ScenarioLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(path);
        var problems = new Problems();
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > TextGate.MaxBytes)
            {
                TextGate.TooLarge(info.Length, problems);
                throw Failure(problems, path);
            }

            bytes = ReadAtMost(path, TextGate.MaxBytes + 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "", $"cannot read the file: {ex.Message}", "check the path and that the file is readable")]);
        }

        string? text = TextGate.Decode(bytes, problems);
        return text is null ? throw Failure(problems, path) : Load(text, path, problems, options);
    }

    /// <summary>Loads scenario text; <paramref name="fileName"/> names it in errors.</summary>
    public static ScenarioSpec LoadText(string text, string fileName) => LoadText(text, fileName, ScenarioLoadOptions.Default);

    /// <summary>Loads scenario text for the use <paramref name="options"/> says; <paramref name="fileName"/> names it in errors.</summary>
    public static ScenarioSpec LoadText(string text, string fileName, ScenarioLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var problems = new Problems();
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        return TextGate.Check(text, problems) ? Load(text, fileName, problems, options) : throw Failure(problems, fileName);
    }

    private static ScenarioSpec Load(string text, string fileName, Problems problems, ScenarioLoadOptions options)
    {
        YNode? root = YamlTreeReader.Read(text, problems);
        if (root is not null && options.Overrides.Count > 0)
        {
            root = Overrides.Apply(root, options.Overrides, problems);
        }

        ReadScenario? read = root is null ? null : ScenarioReader.Read(root, new Scalars(problems));
        if (read is not null)
        {
            ScenarioValidator.Validate(read, problems, options);
        }

        if (read is null || problems.Count > 0)
        {
            throw new ScenarioException(problems.ToErrors(fileName, options.Overrides));
        }

        return read.ToSpec();
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes, so a device or pipe without an end cannot exhaust memory.</summary>
    private static byte[] ReadAtMost(string path, long limit)
    {
        using FileStream stream = File.OpenRead(path);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ScenarioException Failure(Problems problems, string fileName) => new(problems.ToErrors(fileName));
}
