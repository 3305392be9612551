using HyperVSim.Engine;

namespace HyperVSim.Model.Clustering;

/// <summary>How long a VM takes from a start command on a node to a running guest: the seam a boot model plugs into.</summary>
public interface IStartTimeModel
{
    SimTime StartTime(VirtualMachine vm, Host host);
}

/// <summary>The VM's <c>startTime</c>, else <see cref="Default"/> (30 s: a documented assumption, docs/model.md §Restart).</summary>
public sealed class FixedStartTime : IStartTimeModel
{
    public static readonly SimTime Default = SimTime.FromSeconds(30);

    public SimTime StartTime(VirtualMachine vm, Host host)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.Spec.StartTime ?? Default;
    }
}
