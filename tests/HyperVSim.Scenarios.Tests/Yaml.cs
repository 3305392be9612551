using FluentAssertions;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Helpers for tests that load scenario text and look at the errors.</summary>
internal static class Yaml
{
    /// <summary>A small valid cluster: networks lm and prod, hosts hv1 and hv2 (256GiB, 16 cores, NICs lm1 and vm1).</summary>
    public const string Base = """
        name: t
        networks:
          - { name: lm, role: liveMigration }
          - { name: prod, role: vm }
        hosts:
          - name: hv
            count: 2
            memory: 256GiB
            nics:
              - { name: lm1, speed: 10Gbps, networks: [lm] }
              - { name: vm1, speed: 10Gbps, networks: [prod] }

        """;

    public static IReadOnlyList<ScenarioError> Errors(string text)
    {
        Action load = () => ScenarioLoader.LoadText(text, "t.yaml");
        return load.Should().Throw<ScenarioException>().Which.Errors;
    }

    /// <summary>The single error whose text contains <paramref name="fragment"/>.</summary>
    public static ScenarioError Error(string text, string fragment)
    {
        IReadOnlyList<ScenarioError> errors = Errors(text);
        errors.Where(e => e.ToString().Contains(fragment, StringComparison.Ordinal))
            .Should().ContainSingle($"one error should contain '{fragment}'; got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        return errors.Single(e => e.ToString().Contains(fragment, StringComparison.Ordinal));
    }
}
