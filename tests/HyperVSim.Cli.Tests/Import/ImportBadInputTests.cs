using FluentAssertions;

namespace HyperVSim.Cli.Tests.Import;

/// <summary>
/// Inconsistent or broken inventories: each is exit code 2, nothing written, and the message names the file, the line
/// and column of the value (found here by searching the text, independently of the reader) and its JSON path.
/// </summary>
public sealed class ImportBadInputTests
{
    private static string FixtureText => File.ReadAllText(InventoryFixture.Path);

    /// <summary>Runs import on <paramref name="text"/>; returns exit code, standard error, the input path and whether an output appeared.</summary>
    private static (int Exit, string Err, string Input, bool Wrote) Import(string text)
    {
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "inventory.json");
        File.WriteAllText(input, text);
        string output = Path.Combine(dir, "s.yaml");
        var (exit, _, err) = Cli.Run("import", input, "--out", output);
        return (exit, err, input, File.Exists(output));
    }

    /// <summary>1-based line and column (in characters) of <paramref name="index"/> in <paramref name="text"/>.</summary>
    private static (int Line, int Column) At(string text, int index)
    {
        int line = 1 + text[..index].Count(c => c == '\n');
        int start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (line, index - start + 1);
    }

    /// <summary>Replaces the first <paramref name="find"/> by <paramref name="replace"/>; returns the text and where the new value starts.</summary>
    private static (string Text, int Line, int Column) Mutate(string find, string replace, string valuePrefix)
    {
        string text = FixtureText;
        int i = text.IndexOf(find, StringComparison.Ordinal);
        i.Should().BeGreaterThanOrEqualTo(0, $"the fixture holds {find}");
        string mutated = text[..i] + replace + text[(i + find.Length)..];
        var (line, column) = At(mutated, i + valuePrefix.Length);
        return (mutated, line, column);
    }

    private static void ShouldRefuse(string text, int line, int column, string jsonPath, string says)
    {
        var (exit, err, input, wrote) = Import(text);
        exit.Should().Be(2, err);
        wrote.Should().BeFalse();
        err.Should().Contain($"{input}:{line}:{column}: {jsonPath}").And.Contain(says).And.Contain("Fix:");
    }

    [Fact]
    public void Truncated_file_is_refused_at_its_end()
    {
        string text = FixtureText;
        string cut = text[..(text.Length / 2)];
        cut = cut[..cut.LastIndexOf(',')];
        var (exit, err, input, wrote) = Import(cut);
        exit.Should().Be(2);
        wrote.Should().BeFalse();

        // The reader runs out of text on the last line: the error is on that line.
        int lastLine = 1 + cut.Count(c => c == '\n');
        err.Should().MatchRegex($@"{System.Text.RegularExpressions.Regex.Escape(input)}:{lastLine}:\d+: not valid JSON");
    }

    [Fact]
    public void Unknown_schema_version_is_refused_at_the_version()
    {
        var (text, line, column) = Mutate("\"schemaVersion\": 1", "\"schemaVersion\": 2", "\"schemaVersion\": ");
        ShouldRefuse(text, line, column, "schemaVersion", "schema version 2 is not known");
    }

    [Fact]
    public void Vm_on_an_unknown_node_is_refused_at_its_owner()
    {
        var (text, line, column) = Mutate("\"ownerNode\": \"HV-PRD-N01\"", "\"ownerNode\": \"HV-PRD-N99\"", "\"ownerNode\": ");
        ShouldRefuse(text, line, column, "vms[0].ownerNode", "no node is named \"HV-PRD-N99\"");
    }

    [Fact]
    public void Negative_memory_is_refused_at_the_value()
    {
        var (text, line, column) = Mutate("\"startupBytes\": 4294967296", "\"startupBytes\": -4294967296", "\"startupBytes\": ");
        ShouldRefuse(text, line, column, "vms[0].memory.startupBytes", "memory cannot be negative");
    }

    [Fact]
    public void Link_speed_the_cmdlets_never_report_is_refused_at_the_value()
    {
        var (text, line, column) = Mutate("\"linkSpeedBps\": 1000000000,", "\"linkSpeedBps\": 1234567,", "\"linkSpeedBps\": ");
        ShouldRefuse(text, line, column, "nodes[0].nics[0].linkSpeedBps", "not a link speed Get-NetAdapter reports");
    }

    [Fact]
    public void Disk_on_an_unknown_volume_and_a_duplicate_vm_are_refused()
    {
        var (text, line, column) = Mutate("\"volume\": \"Cluster Disk 1\"", "\"volume\": \"Cluster Disk 9\"", "\"volume\": ");
        ShouldRefuse(text, line, column, "vms[0].disks[0].volume", "no volume is named \"Cluster Disk 9\"");

        var (dup, dl, dc) = Mutate("\"name\": \"WEB-PRD-002\"", "\"name\": \"WEB-PRD-001\"", "\"name\": ");
        ShouldRefuse(dup, dl, dc, "vms[1].name", "a second VM named \"WEB-PRD-001\"");
    }
}

/// <summary>Positions count characters, not bytes, and a byte-order mark is not a character of the first line.</summary>
public sealed class ImportPositionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Column_counts_characters_after_multibyte_text_and_a_byte_order_mark(bool bom)
    {
        const string text = "{\"schema\": \"hypervsim.inventory\", \"note\": \"Zürich – Genève\", \"schemaVersion\": 9}";
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "inv.json");
        File.WriteAllText(input, text, new System.Text.UTF8Encoding(bom));
        var (exit, _, err) = Cli.Run("import", input, "--out", Path.Combine(dir, "s.yaml"));
        exit.Should().Be(2);
        int column = text.IndexOf('9', StringComparison.Ordinal) + 1;
        err.Should().Contain($"{input}:1:{column}: schemaVersion: schema version 9 is not known");
    }

    [Fact]
    public void Utf16_file_is_refused_with_the_reason()
    {
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "inv.json");
        File.WriteAllText(input, "{}", System.Text.Encoding.Unicode);
        var (exit, _, err) = Cli.Run("import", input, "--out", Path.Combine(dir, "s.yaml"));
        exit.Should().Be(2);
        err.Should().Contain($"{input}:1:1: the file is UTF-16");
    }
}

/// <summary>Inventories the scenario rules would refuse are refused at their JSON value, never as an internal error.</summary>
public sealed class ImportConsistencyTests
{
    [Theory]
    [InlineData("\"processorCount\": 2,", "\"processorCount\": 48,", "vms[0].processorCount", "48 virtual processors but its node HV-PRD-N01 has 40")]
    [InlineData("\"osVersion\": \"6.3.9600\"", "\"osVersion\": \"10.0.14393\"", "nodes[0].osVersion", "Windows version 10.0.14393 is not simulated")]
    [InlineData("\"osVersion\": \"6.3.9600\"", "\"osVersion\": \"6.2.9200\"", "vms[0].generation", "runs Windows Server 2012, which has no generation 2")]
    [InlineData("\"controller\": \"SCSI\"", "\"controller\": \"IDE\"", "vms[0].disks[0].controller", "generation 2, which has no IDE controller")]
    [InlineData("\"role\": 1,", "\"role\": 2,", "networks[1].role", "role 2 is not a cluster network role")]
    public void Inconsistent_value_is_exit_2_at_its_path(string find, string replace, string path, string says)
    {
        string text = File.ReadAllText(InventoryFixture.Path);
        int i = text.IndexOf(find, StringComparison.Ordinal);
        string mutated = text[..i] + replace + text[(i + find.Length)..];
        string dir = Cli.TempDir();
        string input = Path.Combine(dir, "inventory.json");
        File.WriteAllText(input, mutated);
        var (exit, _, err) = Cli.Run("import", input, "--out", Path.Combine(dir, "s.yaml"));
        exit.Should().Be(2, err);
        err.Should().MatchRegex($@"{System.Text.RegularExpressions.Regex.Escape(input)}:\d+:\d+: {System.Text.RegularExpressions.Regex.Escape(path)}: ").And.Contain(says);
    }
}
