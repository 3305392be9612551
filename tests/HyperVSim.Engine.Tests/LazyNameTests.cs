using FluentAssertions;
using Xunit;

namespace HyperVSim.Engine.Tests;

/// <summary>
/// Events and processes made with a name source are named only when their name is read (a model makes them by the
/// thousand and a message shows few), and then exactly as if the name had been given.
/// </summary>
public sealed class LazyNameTests
{
    private sealed class Source(string name)
    {
        public int Built { get; private set; }

        public string Name()
        {
            Built++;
            return name;
        }
    }

    [Fact]
    public void A_lazily_named_event_builds_its_name_once_when_first_read()
    {
        var sim = new Simulation();
        var source = new Source("admit:vm1");

        Event e = sim.Event(source, static s => ((Source)s).Name());
        e.Succeed();
        sim.Run();

        source.Built.Should().Be(0);
        e.Name.Should().Be("admit:vm1");
        e.ToString().Should().Be("admit:vm1 (Processed)");
        source.Built.Should().Be(1);
    }

    [Fact]
    public void A_lazily_named_process_is_named_in_its_failure_like_a_named_one()
    {
        var sim = new Simulation();
        var source = new Source("live-migration vm1 hv1->hv2");
        Process named = sim.Process(Forever(sim), "live-migration vm1 hv1->hv2");
        Process lazy = sim.Process(Forever(sim), source, static s => ((Source)s).Name());
        var failures = new List<string>();
        named.AddCallback(e => failures.Add(e.Error!.Message));
        lazy.AddCallback(e => failures.Add(e.Error!.Message));
        sim.Run(SimTime.FromSeconds(1));
        source.Built.Should().Be(0);

        named.Kill("host down");
        lazy.Kill("host down");
        sim.Run(SimTime.FromSeconds(2));

        lazy.Name.Should().Be(named.Name);
        failures.Should().HaveCount(2).And.OnlyContain(m => m == failures[0]);
        failures[0].Should().Contain("live-migration vm1 hv1->hv2");
        source.Built.Should().Be(1);

        static IEnumerable<Event> Forever(Simulation sim)
        {
            while (true)
            {
                yield return sim.Delay(SimTime.FromSeconds(10));
            }
        }
    }

    [Fact]
    public void The_name_sources_are_guarded()
    {
        var sim = new Simulation();
        Action noState = () => sim.Event(null!, static s => "x");
        Action noNameOf = () => sim.Event(new object(), null!);
        Action noSteps = () => sim.Process(null!, new object(), static s => "x");

        noState.Should().Throw<ArgumentNullException>().WithParameterName("state");
        noNameOf.Should().Throw<ArgumentNullException>().WithParameterName("nameOf");
        noSteps.Should().Throw<ArgumentNullException>().WithParameterName("steps");
    }
}
