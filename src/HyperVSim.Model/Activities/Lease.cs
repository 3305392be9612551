namespace HyperVSim.Model.Activities;

/// <summary>
/// Something an activity holds — simultaneous-migration slots, memory reserved or planned on a host, later
/// storage-move and start slots — given back exactly once when disposed. An activity keeps its leases in a
/// <see cref="LeaseSet"/>, so ending or aborting it releases everything it held by construction.
/// </summary>
public sealed class Lease : IDisposable
{
    private readonly Func<string> _describe;
    private Action? _release;

    /// <summary>
    /// A lease that runs <paramref name="release"/> once; <paramref name="describe"/> words what it holds, called only
    /// when <see cref="What"/> is read (diagnostics), so a run that never asks formats nothing.
    /// </summary>
    internal Lease(Func<string> describe, Action release)
    {
        _describe = describe;
        _release = release;
    }

    /// <summary>What is held, in words ("a slot on hv1 and hv2", "8 GiB reserved on hv2").</summary>
    public string What => _describe();

    /// <summary>True until released.</summary>
    public bool Held => _release is not null;

    /// <summary>Gives the held thing back; a second call does nothing.</summary>
    public void Dispose()
    {
        Action? release = _release;
        _release = null;
        release?.Invoke();
    }

    public override string ToString() => Held ? What : $"{What} (released)";
}

/// <summary>The leases one activity holds, released together, newest first, when it ends or is aborted.</summary>
public sealed class LeaseSet : IDisposable
{
    private readonly List<Lease> _leases = [];

    /// <summary>The leases still held, oldest first.</summary>
    public IEnumerable<Lease> Held => _leases.Where(l => l.Held);

    /// <summary>Keeps <paramref name="lease"/> until the set is disposed (or the lease is disposed on its own).</summary>
    public Lease Add(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _leases.Add(lease);
        return lease;
    }

    /// <summary>Releases every lease still held, newest first.</summary>
    public void Dispose()
    {
        for (int i = _leases.Count - 1; i >= 0; i--)
        {
            _leases[i].Dispose();
        }

        _leases.Clear();
    }
}
