using FluentAssertions;

namespace HyperVSim.Cli.Tests;

/// <summary>What `run` and `validate` say about a folder given where a scenario file belongs (exit 2, one clear line).</summary>
public sealed class ScenarioArgumentTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    public void A_folder_given_as_the_scenario_exits_2_naming_a_scenario_file_in_it(string command)
    {
        string dir = Cli.TempDir();
        File.WriteAllText(Path.Combine(dir, "b.yml"), "name: b\n");
        File.WriteAllText(Path.Combine(dir, "a.yaml"), "name: a\n");

        var (exit, output, error) = Cli.Run(command, dir);

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Be($"error: '{dir}' is a folder (2 scenario files in it); give a scenario file, e.g. {Path.Combine(dir, "a.yaml")}{Environment.NewLine}");
    }

    [Fact]
    public void An_empty_folder_given_as_the_scenario_suggests_a_file_name()
    {
        string dir = Cli.TempDir();
        Cli.Run("run", dir).Err.Should().Be($"error: '{dir}' is a folder (it holds no *.yaml or *.yml files); give a scenario file, e.g. {Path.Combine(dir, "quickstart.yaml")}{Environment.NewLine}");
    }
}

/// <summary>A scenario name may be any non-blank text; every report carries it, escaped for its format.</summary>
public sealed class ScenarioNameTests
{
    [Fact]
    public void A_scenario_name_with_spaces_and_punctuation_runs_and_every_report_escapes_it()
    {
        const string name = "Patch night | rack 3, \"A\" <b>&</b>";
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "named.yaml");
        string text = File.ReadAllText(Cli.Scenario("quickstart.yaml"));
        File.WriteAllText(scenario, System.Text.RegularExpressions.Regex.Replace(text, "^name: .*$", "name: 'Patch night | rack 3, \"A\" <b>&</b>'", System.Text.RegularExpressions.RegexOptions.Multiline));
        string json = Path.Combine(dir, "r.json"), md = Path.Combine(dir, "r.md"), html = Path.Combine(dir, "r.html"), junit = Path.Combine(dir, "j.xml");

        var (exit, _, error) = Cli.Run("run", scenario, "--quiet", "--json", json, "--markdown", md, "--html", html);

        exit.Should().Be(0, error);
        using (var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)))
        {
            doc.RootElement.GetProperty("scenario").GetString().Should().Be(name);
        }

        File.ReadAllText(md).Should().Contain("## HyperVSim: Patch night \\| rack 3, \"A\" &lt;b>&amp;&lt;/b>");
        File.ReadAllText(html).Should().Contain("Patch night | rack 3, &quot;A&quot; &lt;b&gt;&amp;&lt;/b&gt;").And.NotContain("<b>&</b>");
        Cli.Run("compare", json, json, "--junit", junit).Exit.Should().Be(0);
        System.Xml.Linq.XDocument.Load(junit).Descendants("testsuite").Single().Attribute("name")!.Value.Should().Be(name);
    }
}
