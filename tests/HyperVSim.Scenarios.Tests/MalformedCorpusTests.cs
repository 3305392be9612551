using FluentAssertions;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Every malformed scenario fails at the line, column and message its file expects.</summary>
public sealed class MalformedCorpusTests : IDisposable
{
    private readonly string generated = Path.Combine(Path.GetTempPath(), "hvs-malformed-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> FileNames => new(MalformedCorpus.Files().Select(c => c.Name));

    public static TheoryData<string> GeneratedNames => new("empty.yaml", "only-comments.yaml", "binary.yaml", "huge.yaml");

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Corpus_file_fails_at_the_expected_place(string name) => AssertFails(MalformedCorpus.File(name));

    [Theory]
    [MemberData(nameof(GeneratedNames))]
    public void Generated_case_fails_at_the_expected_place(string name) =>
        AssertFails(MalformedCorpus.Generate(generated).Single(c => c.Name == name));

    [Fact]
    public void Corpus_is_large_enough_and_every_expectation_is_distinct()
    {
        IReadOnlyList<MalformedCase> files = MalformedCorpus.Files();
        files.Should().HaveCountGreaterThanOrEqualTo(20);
        files.Select(f => f.MessageContains).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Huge_file_is_refused_before_it_is_read()
    {
        MalformedCase huge = MalformedCorpus.Generate(generated).Single(c => c.Name == "huge.yaml");
        long before = GC.GetTotalAllocatedBytes();
        Action load = () => ScenarioLoader.LoadFile(huge.Path);
        load.Should().Throw<ScenarioException>();
        (GC.GetTotalAllocatedBytes() - before).Should().BeLessThan(10L * 1024 * 1024, "the 50 MiB file must not be read into memory");
    }

    public void Dispose()
    {
        if (Directory.Exists(generated))
        {
            Directory.Delete(generated, recursive: true);
        }
    }

    private static void AssertFails(MalformedCase c)
    {
        Action load = () => ScenarioLoader.LoadFile(c.Path);
        ScenarioException ex = load.Should().Throw<ScenarioException>().Which;
        ex.Errors.Should().Contain(
            e => e.Line == c.Line && e.Column == c.Column && e.ToString().Contains(c.MessageContains, StringComparison.Ordinal),
            $"{c.Name} should report '{c.MessageContains}' at {c.Line}:{c.Column}; it reported:{Environment.NewLine}{string.Join(Environment.NewLine, ex.Errors)}");
        ex.Errors.Should().OnlyContain(e => e.File == c.Path && e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0 && e.Fix.Length > 0);
    }
}
