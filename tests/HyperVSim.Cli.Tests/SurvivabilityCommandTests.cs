using FluentAssertions;
using Xunit;

namespace HyperVSim.Cli.Tests;

/// <summary>`hypervsim survivability` end to end.</summary>
public sealed class SurvivabilityCommandTests
{
    [Fact]
    public void Every_set_of_two_failed_hosts_is_run_and_the_ones_that_leave_VMs_off_are_listed_with_why()
    {
        var (exit, output, _) = Cli.Run("survivability", Cli.Scenario("node-failure-4-nodes.yaml"), "--failures", "2");

        exit.Should().Be(0);
        output.Should().StartWith("N+2 survivability of node-failure-4-nodes: all 6 sets of 2 hosts failing at once");
        output.Should().Contain("sets leave VMs off. Worst first:").And.Contain("Why, for ");
    }

    [Fact]
    public void Failures_out_of_range_are_refused() =>
        Cli.Run("survivability", Cli.Scenario("node-failure-4-nodes.yaml"), "--failures", "4").Should().Be((2, "", "--failures must be from 1 to 3: " + Cli.Scenario("node-failure-4-nodes.yaml") + " has 4 hosts\n"));
}
