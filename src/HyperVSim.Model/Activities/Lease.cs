namespace HyperVSim.Model.Activities;

/// <summary>
/// Something an activity holds — simultaneous-migration slots, memory reserved or planned on a host, later
/// storage-move and start slots — given back exactly once when disposed. An activity keeps its leases in a
/// <see cref="LeaseSet"/>, so ending or aborting it releases everything it held by construction.
/// <para>
/// Each kind is a small subclass that holds what it releases and words it only when asked: a migration takes several
/// (its VM, planned and reserved memory, slots), and a study runs many migrations, so a lease is one object, no closures.
/// </para>
/// </summary>
public abstract class Lease : IDisposable
{
    private bool _released;

    private protected Lease()
    {
    }

    /// <summary>What is held, in words ("a slot on hv1 and hv2", "8 GiB reserved on hv2"), built only when read (diagnostics).</summary>
    public abstract string What { get; }

    /// <summary>True until released.</summary>
    public bool Held => !_released;

    /// <summary>Gives the held thing back; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        Release();
    }

    /// <summary>Gives the held thing back (called once).</summary>
    private protected abstract void Release();

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
