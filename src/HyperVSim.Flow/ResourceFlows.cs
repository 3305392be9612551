namespace HyperVSim.Flow;

/// <summary>
/// The flows crossing one resource, in the order they started, with O(1) removal. Each entry records where
/// the resource sits on the flow's path, and the flow records its slot here (<see cref="Flow.Slots"/>), so a
/// removal empties the slot without searching. Emptied slots are skipped when iterating and squeezed out,
/// keeping the order, once they outnumber the flows (amortised O(1) per removal).
/// <para>
/// The order is kept, not swapped about, because it decides results: the recompute discovers flows by
/// walking these lists, and the order it finds them in is the order the solver sums loads and freezes ties
/// in, and the order completion timers are scheduled in (which orders completions at one instant).
/// </para>
/// <para>
/// A struct held in a field of its <see cref="Resource"/> (one object less per resource: a cluster makes a few per NIC
/// and host, per run): use it through the field or a <c>ref</c> local, never a copy, since adding and removing change it.
/// </para>
/// </summary>
internal struct ResourceFlows
{
    private Flow?[] _flows = [];
    private int[] _pathIndex = [];

    public ResourceFlows()
    {
    }

    /// <summary>Flows crossing the resource now.</summary>
    public int Count { get; private set; }

    /// <summary>Slots in use, emptied ones included: iterate <c>0..End</c> and skip null entries.</summary>
    public int End { get; private set; }

    /// <summary>The flow in <paramref name="slot"/>, or null when the slot was emptied.</summary>
    public readonly Flow? this[int slot] => _flows[slot];

    /// <summary>Where this resource sits on the path of the flow in <paramref name="slot"/>.</summary>
    public readonly int PathIndexAt(int slot) => _pathIndex[slot];

    /// <summary>Appends <paramref name="flow"/>, whose path holds this resource at <paramref name="pathIndex"/>.</summary>
    public void Add(Flow flow, int pathIndex)
    {
        if (End == _flows.Length)
        {
            // Room for two at first: a NIC direction or a CPU pool mostly carries one or two flows at a time.
            int size = Math.Max(2, _flows.Length * 2);
            Array.Resize(ref _flows, size);
            Array.Resize(ref _pathIndex, size);
        }

        _flows[End] = flow;
        _pathIndex[End] = pathIndex;
        flow.Slots[pathIndex] = End;
        End++;
        Count++;
    }

    /// <summary>Removes <paramref name="flow"/>, whose path holds this resource at <paramref name="pathIndex"/>.</summary>
    public void Remove(Flow flow, int pathIndex)
    {
        int slot = flow.Slots[pathIndex];
        _flows[slot] = null;
        flow.Slots[pathIndex] = -1;
        Count--;
        while (End > 0 && _flows[End - 1] is null)
        {
            End--;
        }

        if (End > 8 && End - Count > Count)
        {
            Compact();
        }
    }

    /// <summary>Moves the flows to the front, in order, and tells each its new slot.</summary>
    private void Compact()
    {
        int write = 0;
        for (int read = 0; read < End; read++)
        {
            Flow? f = _flows[read];
            if (f is null)
            {
                continue;
            }

            _flows[write] = f;
            _pathIndex[write] = _pathIndex[read];
            f.Slots[_pathIndex[write]] = write;
            write++;
        }

        Array.Clear(_flows, write, End - write);
        End = write;
    }
}
