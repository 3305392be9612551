using System.Globalization;
using System.Text.RegularExpressions;

namespace HyperVSim.Scenarios.Tests;

/// <summary>
/// The malformed-scenario corpus, for these tests and for the CLI's (which check exit code 2 and that no output
/// file is written). Files live in <c>Malformed/</c> beside the test assembly; each starts with
/// <c># expect: LINE:COLUMN substring-of-the-message</c>. <see cref="Generate"/> writes the cases that are not
/// kept in git: an empty file, random bytes and a 50 MiB file.
/// </summary>
public static partial class MalformedCorpus
{
    /// <summary>Seed of the random bytes of the binary case.</summary>
    public const int BinarySeed = 20131029;

    [GeneratedRegex(@"^# expect: (?<line>[0-9]+):(?<column>[0-9]+) (?<text>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Expectation();

    /// <summary>The folder holding the corpus files: beside the assembly, or found from the source tree.</summary>
    public static string Folder { get; } = Locate();

    /// <summary>Every corpus file, in name order, with its expectation.</summary>
    public static IReadOnlyList<MalformedCase> Files() =>
        Directory.GetFiles(Folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToArray();

    /// <summary>One corpus file by name (<c>bad-count.yaml</c>).</summary>
    public static MalformedCase File(string name) => Read(Path.Combine(Folder, name));

    /// <summary>Writes the generated cases into <paramref name="directory"/> and returns them.</summary>
    public static IReadOnlyList<MalformedCase> Generate(string directory)
    {
        Directory.CreateDirectory(directory);
        string empty = Path.Combine(directory, "empty.yaml");
        System.IO.File.WriteAllText(empty, "");

        string comments = Path.Combine(directory, "only-comments.yaml");
        System.IO.File.WriteAllText(comments, "# nothing but a comment\n\n   # and another\n");

        string binary = Path.Combine(directory, "binary.yaml");
        byte[] bytes = new byte[4096];
        new Random(BinarySeed).NextBytes(bytes);
        System.IO.File.WriteAllBytes(binary, bytes);

        string huge = Path.Combine(directory, "huge.yaml");
        WriteHuge(huge, 50L * 1024 * 1024);

        return
        [
            new("empty.yaml", empty, 1, 1, "scenario is empty; it needs at least name and hosts"),
            new("only-comments.yaml", comments, 1, 1, "scenario is empty; it needs at least name and hosts"),
            new("binary.yaml", binary, 1, 1, "is not valid UTF-8"),
            new("huge.yaml", huge, 1, 1, "a scenario may be at most 10 MiB"),
        ];
    }

    private static void WriteHuge(string path, long size)
    {
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding padding\n"u8.ToArray();
        using FileStream stream = System.IO.File.Create(path);
        byte[] head = "name: huge\nhosts: [ { name: hv, memory: 256GiB } ]\n"u8.ToArray();
        stream.Write(head);
        for (long written = head.Length; written < size; written += line.Length)
        {
            stream.Write(line);
        }
    }

    private static MalformedCase Read(string path)
    {
        string first = System.IO.File.ReadLines(path).First();
        Match m = Expectation().Match(first);
        if (!m.Success)
        {
            throw new InvalidDataException($"{path}: the first line must be '# expect: LINE:COLUMN message', not '{first}'");
        }

        return new MalformedCase(
            Path.GetFileName(path),
            path,
            int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture),
            m.Groups["text"].Value.Trim());
    }

    private static string Locate()
    {
        string[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(MalformedCorpus).Assembly.Location) ?? ""];
        foreach (string start in starts.Where(s => s.Length > 0))
        {
            string beside = Path.Combine(start, "Malformed");
            if (Directory.Exists(beside))
            {
                return beside;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string source = Path.Combine(dir.FullName, "tests", "HyperVSim.Scenarios.Tests", "Malformed");
            if (Directory.Exists(source))
            {
                return source;
            }
        }

        throw new DirectoryNotFoundException("the Malformed corpus folder was not found beside the test assembly or in the source tree");
    }
}
