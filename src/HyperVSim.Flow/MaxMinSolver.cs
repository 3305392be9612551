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
/// Each flow records what froze it: its bottleneck resource, or null for its own bound.
/// A resource takes part while an unfrozen flow crosses it, which is counted, never inferred from its
/// floating-point weight sum (that would depend on the units of usages and weights).
/// </summary>
internal static class MaxMinSolver
{
    /// <summary>Below this fraction of its former value, a weight sum after a subtraction is recomputed from its terms.</summary>
    private const double CancellationLimit = 1e-4;

    /// <summary>
    /// Computes the rates of <paramref name="flows"/>, whose resources are exactly <paramref name="resources"/>.
    /// Cost: O(F log F) to order the bounds, then per level O(R) to find the tightest resource plus the work of
    /// freezing; each flow is frozen once. Flows are frozen in list order, so results do not depend on the order
    /// a level's flows are found in.
    /// </summary>
    public static void Solve(List<Flow> flows, List<Resource> resources)
    {
        int nr = resources.Count;
        int nf = flows.Count;
        var remaining = new double[nr];
        var weights = new double[nr];
        var crossing = new int[nr];
        var onResource = new List<Flow>[nr];
        for (int i = 0; i < nr; i++)
        {
            resources[i].SolverIndex = i;
            remaining[i] = resources[i].Capacity;
            onResource[i] = [];
        }

        for (int n = 0; n < nf; n++)
        {
            Flow f = flows[n];
            f.SolverIndex = n;
            f.Frozen = false;
            f.Rate = 0;
            f.Bottleneck = null;
            for (int k = 0; k < f.Resources.Count; k++)
            {
                int j = f.Resources[k].SolverIndex;
                weights[j] += f.Weight * f.Usages[k];
                crossing[j]++;
                onResource[j].Add(f);
            }
        }

        // Flows by normalised bound B/w, ties in list order; a cursor skips the frozen ones.
        Flow[] byBound = [.. flows];
        Array.Sort(byBound, (a, b) =>
        {
            int c = (a.Bound / a.Weight).CompareTo(b.Bound / b.Weight);
            return c != 0 ? c : a.SolverIndex.CompareTo(b.SolverIndex);
        });
        int cursor = 0;
        var batch = new List<Flow>();

        int unfrozen = nf;
        while (unfrozen > 0)
        {
            double level = double.PositiveInfinity;
            int binding = -1;
            for (int i = 0; i < nr; i++)
            {
                if (crossing[i] > 0)
                {
                    double share = Math.Max(0, remaining[i]) / weights[i];
                    if (share < level)
                    {
                        level = share;
                        binding = i;
                    }
                }
            }

            while (cursor < nf && byBound[cursor].Frozen)
            {
                cursor++;
            }

            bool boundBinds = cursor < nf && byBound[cursor].Bound / byBound[cursor].Weight < level;
            if (boundBinds)
            {
                level = byBound[cursor].Bound / byBound[cursor].Weight;
            }

            if (double.IsPositiveInfinity(level))
            {
                throw new InvalidOperationException("a flow has neither a resource nor a bound: its rate would be infinite");
            }

            batch.Clear();
            if (boundBinds)
            {
                for (int b = cursor; b < nf && byBound[b].Bound / byBound[b].Weight <= level; b++)
                {
                    if (!byBound[b].Frozen)
                    {
                        batch.Add(byBound[b]);
                    }
                }

                batch.Sort((a, b) => a.SolverIndex.CompareTo(b.SolverIndex));
            }
            else
            {
                foreach (Flow f in onResource[binding])
                {
                    if (!f.Frozen)
                    {
                        batch.Add(f);
                    }
                }
            }

            if (batch.Count == 0)
            {
                throw new InvalidOperationException($"max-min solver made no progress at level {level} (binding: {(boundBinds ? "a bound" : resources[binding].Name)})");
            }

            foreach (Flow f in batch)
            {
                f.Frozen = true;
                f.Rate = level * f.Weight;
                f.Bottleneck = boundBinds ? null : resources[binding];
                unfrozen--;
                for (int k = 0; k < f.Resources.Count; k++)
                {
                    int j = f.Resources[k].SolverIndex;
                    remaining[j] -= f.Rate * f.Usages[k];
                    double before = weights[j];
                    weights[j] -= f.Weight * f.Usages[k];
                    if (--crossing[j] == 0)
                    {
                        weights[j] = 0;
                    }
                    else if (weights[j] <= before * CancellationLimit)
                    {
                        // Nearly all of the weight left at once: the difference is mostly rounding, so re-add what is left.
                        weights[j] = UnfrozenWeight(onResource[j], resources[j]);
                    }
                }
            }
        }
    }

    private static double UnfrozenWeight(List<Flow> flows, Resource resource)
    {
        double sum = 0;
        foreach (Flow f in flows)
        {
            if (!f.Frozen)
            {
                sum += f.Weight * f.UsageOf(resource);
            }
        }

        return sum;
    }
}
