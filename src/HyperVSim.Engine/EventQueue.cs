using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HyperVSim.Engine;

/// <summary>
/// The future event list: a 4-ary min-heap keyed by (time, priority, sequence). The queue stamps the
/// sequence itself, so events with equal time and priority pop in insertion order (.NET's
/// <c>PriorityQueue</c> does not keep equal keys in order).
/// <para>
/// Performance: a node is 16 bytes and holds no reference: the time, then one word with the priority (top
/// bit), a 31-bit sequence, and the slot of the event in a side table. Moving nodes therefore costs no GC
/// write barrier, four children fill one cache line, and one unsigned comparison of the second word orders
/// priority then sequence (slots never decide: sequences are unique). Before the sequence would overflow,
/// the queued nodes are renumbered 0..n-1 in their existing order, which leaves every comparison, and so
/// the heap, as it was. Nothing is allocated per event once the arrays have grown.
/// </para>
/// <para>
/// A dequeue leaves the root empty instead of refilling it at once: processing an event usually schedules
/// another, which then drops into the root and sifts down once (a "replace top"), instead of the last node
/// sifting down and the new one sifting up. Anything else that needs the root refills it first.
/// </para>
/// </summary>
internal sealed class EventQueue
{
    private const uint DefaultSequenceLimit = int.MaxValue;

    /// <summary>
    /// Starting size of the arrays, which double as needed: small, so that the many short runs of a study do not each
    /// allocate a large empty queue.
    /// </summary>
    private const int InitialCapacity = 64;

    private readonly uint _sequenceLimit;
    private Node[] _heap = new Node[InitialCapacity];
    private Slot[] _slots = new Slot[InitialCapacity];
    private int[] _freeSlots = new int[InitialCapacity];
    private int _freeCount;
    private int _slotsUsed;

    /// <summary>Positions in use in <see cref="_heap"/>, counting the empty root when <see cref="_rootEmpty"/>.</summary>
    private int _size;
    private bool _rootEmpty;
    private uint _sequence;

    public EventQueue()
        : this(DefaultSequenceLimit)
    {
    }

    /// <summary>A queue that renumbers once <paramref name="sequenceLimit"/> sequences are used (small values are for tests).</summary>
    internal EventQueue(uint sequenceLimit)
    {
        _sequenceLimit = Math.Min(sequenceLimit, DefaultSequenceLimit);
    }

    public int Count => _rootEmpty ? _size - 1 : _size;

    public void Enqueue(Event e, long time, EventPriority priority)
    {
        int slot = _freeCount > 0 ? _freeSlots[--_freeCount] : NewSlot();
        _slots[slot].Event = e;
        if (_sequence >= _sequenceLimit)
        {
            FillRoot();
            Renumber();
        }

        var node = new Node(time, ((ulong)(((uint)priority << 31) | _sequence++) << 32) | (uint)slot);
        if (_rootEmpty)
        {
            _rootEmpty = false;
            SiftDown(ref MemoryMarshal.GetArrayDataReference(_heap), 0, node, _size);
            return;
        }

        if (_size == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        ref Node heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        int i = _size++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            ref Node p = ref Unsafe.Add(ref heap, parent);
            if (!Less(node, p))
            {
                break;
            }

            Unsafe.Add(ref heap, i) = p;
            i = parent;
        }

        Unsafe.Add(ref heap, i) = node;
    }

    public bool TryPeekTime(out long time)
    {
        FillRoot();
        if (_size == 0)
        {
            time = 0;
            return false;
        }

        time = _heap[0].Time;
        return true;
    }

    public Event PeekEvent()
    {
        FillRoot();
        if (_size == 0)
        {
            ThrowEmpty();
        }

        return _slots[_heap[0].Slot].Event!;
    }

    public Event Dequeue(out long time)
    {
        FillRoot();
        if (_size == 0)
        {
            ThrowEmpty();
        }

        Node top = _heap[0];
        if (_size == 1)
        {
            _size = 0;
        }
        else
        {
            _rootEmpty = true;
        }

        int slot = top.Slot;
        ref Slot entry = ref _slots[slot];
        Event e = entry.Event!;
        entry.Event = null;
        _freeSlots[_freeCount++] = slot;
        time = top.Time;
        return e;
    }

    /// <summary>Moves the last node into an empty root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FillRoot()
    {
        if (_rootEmpty)
        {
            _rootEmpty = false;
            int n = --_size;
            ref Node heap = ref MemoryMarshal.GetArrayDataReference(_heap);
            SiftDown(ref heap, 0, Unsafe.Add(ref heap, n), n);
        }
    }

    /// <summary>
    /// Takes every cancelled event off the queue at once, handing each to <paramref name="dropped"/>, and rebuilds the
    /// heap from the rest (Floyd's bottom-up construction, O(n)). The rest pop exactly as before: the order depends on
    /// the nodes' keys alone, which are unique, not on the heap's shape. Returns how many were taken off.
    /// </summary>
    public int RemoveCancelled(Action<Event> dropped)
    {
        FillRoot();
        int kept = 0;
        int removed = 0;
        for (int i = 0; i < _size; i++)
        {
            Node node = _heap[i];
            ref Slot entry = ref _slots[node.Slot];
            Event e = entry.Event!;
            if (e.State != EventState.Cancelled)
            {
                _heap[kept++] = node;
                continue;
            }

            entry.Event = null;
            _freeSlots[_freeCount++] = node.Slot;
            removed++;
            dropped(e);
        }

        _size = kept;
        ref Node heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        for (int i = (kept - 2) >> 2; i >= 0; i--)
        {
            SiftDown(ref heap, i, Unsafe.Add(ref heap, i), kept);
        }

        return removed;
    }

    /// <summary>Places <paramref name="node"/> at position <paramref name="i"/> (empty, or holding it) of a heap of <paramref name="n"/> positions whose subtrees below are heaps.</summary>
    private static void SiftDown(ref Node heap, int i, Node node, int n)
    {
        while (true)
        {
            int first = (i << 2) + 1;
            if (first >= n)
            {
                break;
            }

            // The smallest of up to four children.
            int min = first;
            Node minNode = Unsafe.Add(ref heap, first);
            int end = Math.Min(first + 4, n);
            for (int c = first + 1; c < end; c++)
            {
                Node child = Unsafe.Add(ref heap, c);
                if (Less(child, minNode))
                {
                    min = c;
                    minNode = child;
                }
            }

            if (!Less(minNode, node))
            {
                break;
            }

            Unsafe.Add(ref heap, i) = minNode;
            i = min;
        }

        Unsafe.Add(ref heap, i) = node;
    }

    private int NewSlot()
    {
        if (_slotsUsed == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _freeSlots, _slots.Length);
        }

        return _slotsUsed++;
    }

    /// <summary>Gives the queued nodes sequences 0..n-1 in their current sequence order; the heap stays valid.</summary>
    private void Renumber()
    {
        var sequences = new uint[_size];
        var positions = new int[_size];
        for (int i = 0; i < _size; i++)
        {
            sequences[i] = _heap[i].Sequence;
            positions[i] = i;
        }

        Array.Sort(sequences, positions);
        for (uint rank = 0; rank < positions.Length; rank++)
        {
            ref Node node = ref _heap[positions[rank]];
            node = node.WithSequence(rank);
        }

        _sequence = (uint)_size;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(Node a, Node b) => a.Time < b.Time || (a.Time == b.Time && a.Tie < b.Tie);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowEmpty() => throw new InvalidOperationException("the event queue is empty");

    /// <summary>An event held for a heap node; a struct so that storing it needs no array covariance check.</summary>
    private struct Slot
    {
        public Event? Event;
    }

    /// <summary>A heap entry: the time, then priority (1 bit), sequence (31 bits) and slot (32 bits) in one word.</summary>
    private readonly record struct Node(long Time, ulong Tie)
    {
        public int Slot => (int)(uint)Tie;

        public uint Sequence => (uint)(Tie >> 32) & 0x7FFF_FFFFu;

        public Node WithSequence(uint sequence) => new(Time, (Tie & 0x8000_0000_FFFF_FFFFUL) | ((ulong)sequence << 32));
    }
}
