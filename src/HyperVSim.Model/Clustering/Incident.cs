using HyperVSim.Engine;
using HyperVSim.Model.Results;

namespace HyperVSim.Model.Clustering;

/// <summary>
/// One fault as the cluster lived it: what failed and when, when and by which detector it was detected, the VMs it
/// took down or moved, and when each ran again. Becomes a <see cref="FailoverRecord"/> at the end of the run.
/// </summary>
public sealed class Incident
{
    private readonly List<VirtualMachine> _vms = [];
    private readonly Dictionary<VirtualMachine, (Host? Host, SimTime? At)> _back = [];

    internal Incident(string fault, string target, SimTime at)
    {
        Fault = fault;
        Target = target;
        At = at;
    }

    /// <summary>host, nic, storagePath, storage or quorum.</summary>
    public string Fault { get; }

    public string Target { get; }

    public SimTime At { get; }

    public SimTime? DetectedAt { get; private set; }

    public string? Detector { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>The VMs affected, in the order they were affected.</summary>
    public IReadOnlyList<VirtualMachine> Vms => _vms;

    /// <summary>True while some affected VM has not run again.</summary>
    public bool Open => _vms.Any(v => _back[v].At is null);

    /// <summary>Records the first detection (later ones keep the first).</summary>
    internal void Detected(SimTime at, string detector, string detail)
    {
        if (DetectedAt is null)
        {
            DetectedAt = at;
            Detector = detector;
            Detail = detail;
        }
    }

    /// <summary>Adds <paramref name="vm"/> as affected (again: not yet back).</summary>
    internal void Affect(VirtualMachine vm)
    {
        if (!_back.ContainsKey(vm))
        {
            _vms.Add(vm);
        }

        _back[vm] = (null, null);
    }

    internal bool Affects(VirtualMachine vm) => _back.TryGetValue(vm, out var b) && b.At is null;

    /// <summary>The VM runs again on <paramref name="host"/> at <paramref name="at"/>.</summary>
    internal void Back(VirtualMachine vm, Host? host, SimTime at)
    {
        if (_back.TryGetValue(vm, out var b) && b.At is null)
        {
            _back[vm] = (host, at);
        }
    }

    /// <summary>The record at the end of the run: not-recovered VMs with the reason they are in now.</summary>
    internal FailoverRecord Record()
    {
        var vms = _vms.Select(v => new FailoverVm(v.Name, _back[v].Host?.Name, _back[v].At?.Seconds)
        {
            DowntimeSeconds = _back[v].At is { } back ? (back - At).Seconds : null,
        }).ToArray();
        var missing = _vms.Where(v => _back[v].At is null).Select(v => new NotRecovered(v.Name, v.Reason)).ToArray();
        return new FailoverRecord
        {
            Fault = Fault,
            Target = Target,
            At = At.Seconds,
            DetectedAt = DetectedAt?.Seconds,
            Detector = Detector,
            Detail = Detail,
            Vms = vms,
            RecoveredAt = missing.Length == 0 ? (vms.Length == 0 ? (DetectedAt ?? At).Seconds : vms.Max(v => v.RunningAt)) : null,
            NotRecovered = missing,
        };
    }
}
