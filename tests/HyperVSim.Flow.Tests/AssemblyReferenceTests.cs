using System.Reflection;
using FluentAssertions;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// The flow model knows nothing of hosts, NICs, VMs, scenarios or YAML: its assembly references only the
/// engine and assemblies of the .NET runtime itself.
/// </summary>
public sealed class AssemblyReferenceTests
{
    private static readonly Assembly FlowAssembly = typeof(FlowNetwork).Assembly;

    /// <summary>True when the shared framework the tests run on ships an assembly of that name.</summary>
    private static bool IsFramework(AssemblyName name)
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return File.Exists(Path.Combine(runtimeDirectory, name.Name + ".dll"));
    }

    [Fact]
    public void Flow_references_only_the_engine_and_the_framework()
    {
        AssemblyName[] references = FlowAssembly.GetReferencedAssemblies();

        references.Select(r => r.Name).Should().Contain("HyperVSim.Engine");
        references.Where(r => r.Name != "HyperVSim.Engine").Should().OnlyContain(
            r => IsFramework(r),
            "anything else would tie the flow model to something outside it");
    }

    [Fact]
    public void Flow_references_nothing_of_the_model_the_scenarios_or_yaml()
    {
        string[] names = FlowAssembly.GetReferencedAssemblies().Select(r => r.Name!).ToArray();

        names.Where(n => n.StartsWith("HyperVSim.", StringComparison.Ordinal)).Should().Equal("HyperVSim.Engine");
        names.Should().NotContain(n =>
            n.Contains("Model", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Scenario", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Yaml", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_framework_check_would_reject_a_third_party_assembly()
    {
        // Guards the test above: a package assembly loaded by this test project is not in the runtime folder.
        IsFramework(typeof(CsCheck.Gen).Assembly.GetName()).Should().BeFalse();
        IsFramework(typeof(FluentAssertions.AssertionExtensions).Assembly.GetName()).Should().BeFalse();
        IsFramework(typeof(List<int>).Assembly.GetName()).Should().BeTrue();
    }
}
