using FluentAssertions;
using HyperVSim.Reports.Output;
using Xunit;

namespace HyperVSim.Reports.Tests;

/// <summary>Several outputs written as one: all or nothing, no temporary files left behind, no folder created on failure.</summary>
public sealed class OutputSetTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "hvs-outputset-" + Guid.NewGuid().ToString("N"));

    public OutputSetTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void When_the_last_rendering_fails_no_output_is_written_and_old_files_are_kept()
    {
        string a = Path.Combine(dir, "a.json"), csv = Path.Combine(dir, "csv"), c = Path.Combine(dir, "c.html");
        File.WriteAllText(a, "old a");

        Action write = () =>
        {
            using var set = new OutputSet();
            set.AddText(a, "new a");
            set.CreateFolder(csv);
            set.AddText(Path.Combine(csv, "vms.csv"), "name\n");
            set.Add(c, _ => throw new IOException("disk full"));
            set.Commit();
        };

        write.Should().Throw<OutputWriteException>().Which.Message.Should().Be($"cannot write {c}: disk full");
        File.ReadAllText(a).Should().Be("old a");
        Directory.GetFileSystemEntries(dir).Should().Equal([a], "the temporaries and the created folder are removed");
    }

    [Fact]
    public void Nothing_is_moved_into_place_before_commit()
    {
        string a = Path.Combine(dir, "a.txt");
        using var set = new OutputSet();
        set.AddText(a, "text");
        File.Exists(a).Should().BeFalse();
        set.Commit();
        File.ReadAllText(a).Should().Be("text");
        Directory.GetFiles(dir).Should().Equal([a]);
    }

    [Fact]
    public void A_missing_folder_is_not_created_for_a_file()
    {
        string target = Path.Combine(dir, "missing", "a.txt");
        using var set = new OutputSet();
        Action add = () => set.AddText(target, "x");
        add.Should().Throw<OutputWriteException>().Which.OutputPath.Should().Be(target);
        Directory.Exists(Path.Combine(dir, "missing")).Should().BeFalse();
    }
}
