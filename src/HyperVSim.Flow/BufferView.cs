using System.Collections;

namespace HyperVSim.Flow;

/// <summary>
/// A read-only list over the first <see cref="Count"/> items of a buffer the network reuses: handed to event
/// handlers without copying, valid only while the handler runs (copy it to keep it).
/// </summary>
internal sealed class BufferView<T> : IReadOnlyList<T>
{
    private T[] _items = [];

    public int Count { get; private set; }

    public T this[int index] => (uint)index < (uint)Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The items as a span (for the network's own loops).</summary>
    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, FlowProblem.Grown(_items.Length, Count + 1));
        }

        _items[Count++] = item;
    }

    /// <summary>Empties the view, dropping its references so that ended flows can be collected.</summary>
    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    /// <summary>Sorts the items in place.</summary>
    public void Sort(Comparison<T> comparison) => _items.AsSpan(0, Count).Sort(comparison);

    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
