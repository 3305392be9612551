namespace HyperVSim.Engine;

/// <summary>
/// The future event list: a binary min-heap keyed by (time, priority, sequence). The queue stamps the
/// sequence itself, so events with equal time and priority pop in insertion order (.NET's
/// <c>PriorityQueue</c> does not keep equal keys in order). Entries are structs in one array: no
/// allocation per event once the array has grown.
/// </summary>
internal sealed class EventQueue
{
    private Entry[] _heap = new Entry[256];
    private int _count;
    private long _sequence;

    public int Count => _count;

    public void Enqueue(Event e, long time, EventPriority priority)
    {
        // Priority in the top bits, sequence below: one comparison orders both.
        long order = ((long)priority << 56) | (_sequence++ & 0x00FF_FFFF_FFFF_FFFFL);
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        int i = _count++;
        var entry = new Entry(time, order, e);
        Entry[] heap = _heap;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Less(entry, heap[parent]))
            {
                break;
            }

            heap[i] = heap[parent];
            i = parent;
        }

        heap[i] = entry;
    }

    public bool TryPeekTime(out long time)
    {
        if (_count == 0)
        {
            time = 0;
            return false;
        }

        time = _heap[0].Time;
        return true;
    }

    public Event PeekEvent() => _heap[0].Event;

    public Event Dequeue(out long time)
    {
        Entry[] heap = _heap;
        Entry top = heap[0];
        int n = --_count;
        Entry last = heap[n];
        heap[n] = default;
        if (n > 0)
        {
            int i = 0;
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= n)
                {
                    break;
                }

                if (child + 1 < n && Less(heap[child + 1], heap[child]))
                {
                    child++;
                }

                if (!Less(heap[child], last))
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = last;
        }

        time = top.Time;
        return top.Event;
    }

    private static bool Less(in Entry a, in Entry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Order < b.Order);

    private readonly record struct Entry(long Time, long Order, Event Event);
}
