using FluentAssertions;
using HyperVSim.Engine;

namespace HyperVSim.Flow.Tests;

/// <summary>A resource made with a name source is named only when its name is read, exactly as if it had been given.</summary>
public sealed class ResourceNameTests
{
    private sealed class Owner
    {
        public int Built { get; private set; }

        public string Name()
        {
            Built++;
            return "hv1/lm1:tx";
        }
    }

    [Fact]
    public void A_lazily_named_resource_builds_its_name_once_when_first_read()
    {
        var net = new FlowNetwork(new Simulation());
        var owner = new Owner();

        Resource r = net.AddResource(owner, static o => ((Owner)o).Name(), 1e9);
        net.SetCapacity(r, 2e9);

        owner.Built.Should().Be(0);
        r.Name.Should().Be("hv1/lm1:tx");
        r.ToString().Should().StartWith("hv1/lm1:tx (");
        owner.Built.Should().Be(1);
        r.Index.Should().Be(0);
    }

    [Fact]
    public void A_bad_capacity_names_a_lazily_named_resource()
    {
        var net = new FlowNetwork(new Simulation());
        Resource r = net.AddResource(new Owner(), static o => ((Owner)o).Name(), 1e9);

        Action add = () => net.AddResource(new Owner(), static o => ((Owner)o).Name(), double.NaN);
        Action set = () => net.SetCapacity(r, -1);

        add.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'hv1/lm1:tx'*");
        set.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*'hv1/lm1:tx'*");
    }
}
