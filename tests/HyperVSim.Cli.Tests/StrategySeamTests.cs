using System.Text.Json;
using FluentAssertions;
using HyperVSim.Engine;
using HyperVSim.Model.Migration;
using HyperVSim.Model.Plugins;
using HyperVSim.Model.Results;
using HyperVSim.Model.Specs;
using HyperVSim.Model.Transports;

namespace HyperVSim.Cli.Tests;

/// <summary>
/// The migration-strategy seam is real (issue 8): a strategy defined here, in the test project alone, registered
/// once, is named by a scenario's <c>migrate: { strategy: ... }</c>, accepted by the loader and run end to end.
/// </summary>
public sealed class StrategySeamTests
{
    private const string Name = "test-stopAndCopy";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        MigrationStrategies.Registry.Register(new PluginDescriptor<IMigrationStrategy>(
            Name, "test only: pause the VM, copy all memory once, resume on the target", HyperVVersion.V2012, () => new StopAndCopy()));
        return true;
    });

    /// <summary>
    /// 4 GiB crosses a 10 Gbps NIC at 100% efficiency (1.25 GB/s) while the VM is paused: the blackout is the whole
    /// move, 4 GiB ÷ 1.25 GB/s = 3.436 s, one round, every byte on the wire once.
    /// </summary>
    [Fact]
    public void A_strategy_defined_in_the_test_project_runs_end_to_end_through_a_scenario()
    {
        _ = Registered.Value;
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml"), json = Path.Combine(dir, "r.json");
        File.WriteAllText(scenario, $"""
            name: seam
            cluster: {"{"} liveMigration: {"{"} option: tcpip {"}"} {"}"}
            networks: [ {"{"} name: lm, role: liveMigration {"}"}, {"{"} name: prod, role: vm {"}"} ]
            hosts:
              - {"{"} name: hv, count: 2, memory: 64GiB, nics: [ {"{"} name: lm1, speed: 10Gbps, efficiency: 100%, networks: [lm] {"}"}, {"{"} name: vm1, speed: 1Gbps, networks: [prod] {"}"} ] {"}"}
            vms: [ {"{"} name: v, memory: 4GiB, host: hv1, nics: [ {"{"} network: prod {"}"} ] {"}"} ]
            events: [ {"{"} at: 1s, migrate: {"{"} vm: v, to: hv2, strategy: {Name} {"}"} {"}"} ]
            """);

        var (exit, _, error) = Cli.Run("run", scenario, "--quiet", "--json", json);

        exit.Should().Be(0, error);
        JsonElement m = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("migrations")[0];
        double expected = 4.0 * (1L << 30) / 1.25e9;
        m.GetProperty("result").GetString().Should().Be("completed");
        m.GetProperty("totalSeconds").GetDouble().Should().BeApproximately(expected, 1e-6);
        m.GetProperty("blackoutSeconds").GetDouble().Should().BeApproximately(expected, 1e-6);
        m.GetProperty("bytesOnWire").GetInt64().Should().Be(4L << 30);
        m.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("kind").GetString()).Should().Equal("blackout");
        JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("vms")[0].GetProperty("host").GetString().Should().Be("hv2");
    }

    [Fact]
    public void An_unknown_strategy_is_refused_by_the_loader_with_the_valid_names()
    {
        string dir = Cli.TempDir();
        string scenario = Path.Combine(dir, "s.yaml");
        File.WriteAllText(scenario, """
            name: seam
            networks: [ { name: lm, role: liveMigration }, { name: prod, role: vm } ]
            hosts:
              - { name: hv, count: 2, memory: 64GiB, nics: [ { name: lm1, speed: 10Gbps, networks: [lm] }, { name: vm1, speed: 1Gbps, networks: [prod] } ] }
            vms: [ { name: v, memory: 4GiB, host: hv1, nics: [ { network: prod } ] } ]
            events: [ { at: 1s, migrate: { vm: v, to: hv2, strategy: postcopyy } } ]
            """);

        var (exit, _, error) = Cli.Run("validate", scenario);

        exit.Should().Be(2);
        error.Should().Contain(":6:").And.Contain("postcopyy").And.Contain("precopy");
    }

    /// <summary>Stop-and-copy: the simplest strategy there is, written against the public seam only.</summary>
    private sealed class StopAndCopy : IMigrationStrategy
    {
        public IEnumerable<Event> Run(IMigrationContext ctx)
        {
            if (ctx.OpenTransport(out string failure) is not { } session)
            {
                ctx.Fail(failure);
                yield break;
            }

            ctx.ReserveTargetMemory();
            ctx.PauseVm();
            SimTime start = ctx.Now;
            ctx.Waiting("the whole memory");
            ITransfer all = session.Send(ctx.Vm.Spec.MemoryBytes);
            yield return all.Done;
            ctx.AddPhase(new PhaseRecord(PhaseKind.Blackout, null, start.Seconds, ctx.Now.Seconds, ctx.Vm.Spec.MemoryBytes, all.BytesOnWire, 0, ctx.Account(all)) { Encoding = all.Encoding });
            ctx.SwitchToTarget();
            ctx.ResumeVm();
            session.Close();
            ctx.Complete(new MigrationOutcome(1, all.BytesOnWire, null, (ctx.Now - start).Seconds, session));
        }
    }
}
