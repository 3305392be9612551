namespace HyperVSim.Flow;

/// <summary>
/// Max-min fair sharing by progressive filling (see docs/model.md §Flow model).
/// Given resources r with capacity C_r and flows f with weight w_f, own bound B_f, path P_f and usage a_fr
/// (units of r per unit of f; 1 on a plain path), find rates x_f with
///   Σ_{f ∋ r} a_fr·x_f ≤ C_r for every r,  x_f ≤ B_f,
/// such that no flow can get more without taking from a flow whose normalised rate x/w is no larger.
/// Method: raise a common level λ for all unfrozen flows (x_f = λ·w_f); the next constraint to bind is
///   min( min_r (C_r − frozen load on r) / Σ_{unfrozen f ∋ r} a_fr·w_f ,  min_f B_f / w_f );
/// freeze the flows it binds at that level (those crossing the resource, or the bounded flow) and repeat.
/// Each flow records what froze it: its bottleneck resource, or −1 for its own bound.
/// A resource takes part while an unfrozen flow crosses it, which is counted, never inferred from its
/// floating-point weight sum (that would depend on the units of usages and weights).
/// <para>
/// It works on a <see cref="FlowProblem"/> only, and keeps its scratch arrays between calls: once they have grown
/// to the largest problem seen, a solve allocates nothing.
/// </para>
/// </summary>
internal sealed class MaxMinSolver : IFlowSolver
{
    /// <summary>Below this fraction of its former value, a weight sum after a subtraction is recomputed from its terms.</summary>
    private const double CancellationLimit = 1e-4;

    // Per resource.
    private double[] _remaining = [];
    private double[] _weights = [];
    private double[] _shares = [];
    private int[] _crossing = [];
    private int[] _onStart = [];
    private int[] _onFill = [];

    // Per path entry, grouped by resource: the flows crossing each resource in flow order, and their usages.
    private int[] _onFlow = [];
    private double[] _onUsage = [];

    // Per flow.
    private bool[] _frozen = [];
    private BoundKey[] _byBound = [];
    private int[] _batch = [];

    // Per resource: the resources a batch touched (deduplicated by stamping them with the batch's number).
    private int[] _touched = [];
    private int[] _touchedIn = [];
    private int _batchNumber;

    /// <summary>Scans every resource at every level (the plain method), for tests that check the shortcut changes nothing.</summary>
    internal bool ScanEveryLevel { get; init; }

    /// <summary>
    /// Computes the rates of the flows of <paramref name="problem"/>.
    /// Cost: O(F) to heap the bounds and O(log F) per bound taken off it, then the work of freezing (each flow is frozen once), and a scan of the
    /// R resources for the tightest one only after a resource binds or a bound batch touches the tightest resource:
    /// otherwise only the resources the batch touched can have changed, so the tightest is updated from them alone.
    /// The result is the same as a scan at every level: the tightest resource is the lowest share, ties to the lowest
    /// index, computed by the same expression. Flows are frozen in problem order, so results do not depend on the
    /// order a level's flows are found in.
    /// </summary>
    public void Solve(FlowProblem problem)
    {
        int nr = problem.ResourceCount;
        int nf = problem.FlowCount;
        Reserve(nr, nf, problem.PathCount);
        double[] remaining = _remaining;
        double[] weights = _weights;
        int[] crossing = _crossing;
        double[] weight = problem.Weight;
        double[] bound = problem.Bound;
        int[] pathStart = problem.PathStart;
        int[] pathResource = problem.PathResource;
        double[] pathUsage = problem.PathUsage;
        double[] rate = problem.Rate;
        int[] bottleneck = problem.Bottleneck;
        bool[] frozen = _frozen;

        Array.Copy(problem.Capacity, remaining, nr);
        Array.Clear(weights, 0, nr);
        Array.Clear(crossing, 0, nr);
        for (int n = 0; n < nf; n++)
        {
            frozen[n] = false;
            rate[n] = 0;
            bottleneck[n] = -1;
            for (int p = pathStart[n]; p < pathStart[n + 1]; p++)
            {
                int j = pathResource[p];
                weights[j] += weight[n] * pathUsage[p];
                crossing[j]++;
            }
        }

        GroupByResource(problem);

        // Each resource's share (remaining ÷ unfrozen weight), kept current for the resources each batch touches, so
        // that a scan for the tightest one compares values instead of dividing again for every resource.
        double[] shares = _shares;
        for (int i = 0; i < nr; i++)
        {
            shares[i] = Share(i);
        }

        // Flows with a finite bound, by normalised bound B/w (ties in problem order), in a min-heap: built in O(F) and
        // popped only as far as the levels reach, where a full sort would order every bound. Frozen flows are dropped
        // when they reach the top. A flow without a bound never binds by it and is left out.
        BoundKey[] byBound = _byBound;
        int bounded = 0;
        for (int n = 0; n < nf; n++)
        {
            if (!double.IsPositiveInfinity(bound[n]))
            {
                byBound[bounded++] = new BoundKey(bound[n] / weight[n], n);
            }
        }

        BoundHeap.Build(byBound, bounded);
        int[] batch = _batch;

        int unfrozen = nf;
        int[] touched = _touched;
        int[] touchedIn = _touchedIn;
        double tightest = double.PositiveInfinity;
        int binding = -1;
        bool rescan = true;
        while (unfrozen > 0)
        {
            if (rescan)
            {
                tightest = double.PositiveInfinity;
                binding = -1;
                for (int i = 0; i < nr; i++)
                {
                    if (crossing[i] > 0 && shares[i] < tightest)
                    {
                        tightest = shares[i];
                        binding = i;
                    }
                }

                rescan = false;
            }

            double level = tightest;

            while (bounded > 0 && frozen[byBound[0].Flow])
            {
                BoundHeap.Pop(byBound, ref bounded);
            }

            bool boundBinds = bounded > 0 && byBound[0].Normalised < level;
            if (boundBinds)
            {
                level = byBound[0].Normalised;
            }

            if (double.IsPositiveInfinity(level))
            {
                throw new InvalidOperationException("a flow has neither a resource nor a bound: its rate would be infinite");
            }

            int count = 0;
            if (boundBinds)
            {
                // Every unfrozen flow has a normalised bound ≥ the top's, so this takes those at exactly the level.
                while (bounded > 0 && byBound[0].Normalised <= level)
                {
                    int n = BoundHeap.Pop(byBound, ref bounded).Flow;
                    if (!frozen[n])
                    {
                        batch[count++] = n;
                    }
                }

                batch.AsSpan(0, count).Sort();
            }
            else
            {
                for (int q = _onStart[binding]; q < _onStart[binding + 1]; q++)
                {
                    if (!frozen[_onFlow[q]])
                    {
                        batch[count++] = _onFlow[q];
                    }
                }
            }

            if (count == 0)
            {
                throw new InvalidOperationException($"max-min solver made no progress at level {level} (binding: {(boundBinds ? "a bound" : $"resource #{binding}")})");
            }

            int batchNumber = NextBatchNumber();
            int touchedCount = 0;
            for (int b = 0; b < count; b++)
            {
                int n = batch[b];
                frozen[n] = true;
                rate[n] = level * weight[n];
                bottleneck[n] = boundBinds ? -1 : binding;
                unfrozen--;
                for (int p = pathStart[n]; p < pathStart[n + 1]; p++)
                {
                    int j = pathResource[p];
                    if (touchedIn[j] != batchNumber)
                    {
                        touchedIn[j] = batchNumber;
                        touched[touchedCount++] = j;
                    }

                    remaining[j] -= rate[n] * pathUsage[p];
                    double before = weights[j];
                    weights[j] -= weight[n] * pathUsage[p];
                    if (--crossing[j] == 0)
                    {
                        weights[j] = 0;
                    }
                    else if (weights[j] <= before * CancellationLimit)
                    {
                        // Nearly all of the weight left at once: the difference is mostly rounding, so re-add what is left.
                        weights[j] = UnfrozenWeight(j, weight);
                    }
                }
            }

            for (int t = 0; t < touchedCount; t++)
            {
                shares[touched[t]] = Share(touched[t]);
            }

            // The binding resource lost all its unfrozen flows, or a bound batch changed the tightest resource: scan
            // again. Otherwise only the touched resources changed: the tightest is the old one or one of them.
            rescan = ScanEveryLevel || !boundBinds || Array.IndexOf(touched, binding, 0, touchedCount) >= 0;
            for (int t = 0; !rescan && t < touchedCount; t++)
            {
                int j = touched[t];
                if (crossing[j] > 0 && (shares[j] < tightest || (shares[j] == tightest && j < binding)))
                {
                    tightest = shares[j];
                    binding = j;
                }
            }
        }
    }

    /// <summary>The level at which resource <paramref name="j"/> would bind its unfrozen flows; +∞ when none crosses it.</summary>
    private double Share(int j) => _crossing[j] > 0 ? Math.Max(0, _remaining[j]) / _weights[j] : double.PositiveInfinity;

    /// <summary>A fresh number for a batch's touched marks; the marks are cleared when the numbers wrap.</summary>
    private int NextBatchNumber()
    {
        if (++_batchNumber == int.MaxValue)
        {
            Array.Clear(_touchedIn);
            _batchNumber = 1;
        }

        return _batchNumber;
    }

    /// <summary>Lists, per resource, the flows crossing it in problem order (a counting sort of the path entries).</summary>
    private void GroupByResource(FlowProblem problem)
    {
        int nr = problem.ResourceCount;
        int[] start = _onStart;
        int[] fill = _onFill;
        start[0] = 0;
        for (int i = 0; i < nr; i++)
        {
            start[i + 1] = start[i] + _crossing[i];
            fill[i] = start[i];
        }

        int[] pathStart = problem.PathStart;
        for (int n = 0; n < problem.FlowCount; n++)
        {
            for (int p = pathStart[n]; p < pathStart[n + 1]; p++)
            {
                int q = fill[problem.PathResource[p]]++;
                _onFlow[q] = n;
                _onUsage[q] = problem.PathUsage[p];
            }
        }
    }

    /// <summary>The weight of the unfrozen flows on resource <paramref name="j"/>, summed afresh in flow order.</summary>
    private double UnfrozenWeight(int j, double[] weight)
    {
        double sum = 0;
        for (int q = _onStart[j]; q < _onStart[j + 1]; q++)
        {
            if (!_frozen[_onFlow[q]])
            {
                sum += weight[_onFlow[q]] * _onUsage[q];
            }
        }

        return sum;
    }

    /// <summary>Grows the scratch arrays to hold a problem of this size; they never shrink.</summary>
    private void Reserve(int resources, int flows, int pathEntries)
    {
        if (_onStart.Length <= resources)
        {
            int size = FlowProblem.Grown(_remaining.Length, resources);
            _remaining = new double[size];
            _weights = new double[size];
            _shares = new double[size];
            _crossing = new int[size];
            _onFill = new int[size];
            _onStart = new int[size + 1];
            _touched = new int[size];
            _touchedIn = new int[size];
        }

        if (_frozen.Length < flows)
        {
            int size = FlowProblem.Grown(_frozen.Length, flows);
            _frozen = new bool[size];
            _byBound = new BoundKey[size];
            _batch = new int[size];
        }

        if (_onFlow.Length < pathEntries)
        {
            int size = FlowProblem.Grown(_onFlow.Length, pathEntries);
            _onFlow = new int[size];
            _onUsage = new double[size];
        }
    }

    /// <summary>A flow's normalised bound B/w, ordered by value, then by the flow's position (a total order).</summary>
    private readonly record struct BoundKey(double Normalised, int Flow)
    {
        public static bool Less(BoundKey a, BoundKey b) => a.Normalised < b.Normalised || (a.Normalised == b.Normalised && a.Flow < b.Flow);
    }

    /// <summary>A binary min-heap of <see cref="BoundKey"/>s in the first <c>count</c> entries of an array.</summary>
    private static class BoundHeap
    {
        /// <summary>Orders the first <paramref name="count"/> entries into a heap, bottom-up (Floyd), in O(count).</summary>
        public static void Build(BoundKey[] heap, int count)
        {
            for (int i = (count >> 1) - 1; i >= 0; i--)
            {
                SiftDown(heap, i, heap[i], count);
            }
        }

        /// <summary>Removes and returns the smallest entry.</summary>
        public static BoundKey Pop(BoundKey[] heap, ref int count)
        {
            BoundKey top = heap[0];
            if (--count > 0)
            {
                SiftDown(heap, 0, heap[count], count);
            }

            return top;
        }

        private static void SiftDown(BoundKey[] heap, int i, BoundKey key, int count)
        {
            while (true)
            {
                int child = (2 * i) + 1;
                if (child >= count)
                {
                    break;
                }

                if (child + 1 < count && BoundKey.Less(heap[child + 1], heap[child]))
                {
                    child++;
                }

                if (!BoundKey.Less(heap[child], key))
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = key;
        }
    }
}
