namespace HyperVSim.Flow;

/// <summary>
/// Max-min fair sharing by progressive filling (see docs/model.md §Flow model).
/// Given resources r with capacity C_r and flows f with weight w_f, own bound B_f and path P_f, find rates x_f with
///   Σ_{f ∋ r} x_f ≤ C_r for every r,  x_f ≤ B_f,
/// such that no flow can get more without taking from a flow whose normalised rate x/w is no larger.
/// Method: raise a common level λ for all unfrozen flows (x_f = λ·w_f); the next constraint to bind is
///   min( min_r (C_r − frozen load on r) / Σ_{unfrozen f ∋ r} w_f ,  min_f B_f / w_f );
/// freeze the flows it binds at that level (those crossing the resource, or the bounded flow) and repeat.
/// Each flow records what froze it: its bottleneck resource, or null for its own bound.
/// </summary>
internal static class MaxMinSolver
{
    /// <summary>Computes the rates of <paramref name="flows"/>, whose resources are exactly <paramref name="resources"/>.</summary>
    public static void Solve(List<Flow> flows, List<Resource> resources)
    {
        int nr = resources.Count;
        var remaining = new double[nr];
        var weights = new double[nr];
        for (int i = 0; i < nr; i++)
        {
            resources[i].SolverIndex = i;
            remaining[i] = resources[i].Capacity;
        }

        foreach (Flow f in flows)
        {
            f.Frozen = false;
            f.Rate = 0;
            f.Bottleneck = null;
            foreach (Resource r in f.Resources)
            {
                weights[r.SolverIndex] += f.Weight;
            }
        }

        int unfrozen = flows.Count;
        while (unfrozen > 0)
        {
            double level = double.PositiveInfinity;
            int binding = -1;
            for (int i = 0; i < nr; i++)
            {
                if (weights[i] > 0)
                {
                    double share = Math.Max(0, remaining[i]) / weights[i];
                    if (share < level)
                    {
                        level = share;
                        binding = i;
                    }
                }
            }

            bool boundBinds = false;
            foreach (Flow f in flows)
            {
                if (!f.Frozen && f.Bound / f.Weight < level)
                {
                    level = f.Bound / f.Weight;
                    boundBinds = true;
                }
            }

            if (double.IsPositiveInfinity(level))
            {
                throw new InvalidOperationException("a flow has neither a resource nor a bound: its rate would be infinite");
            }

            foreach (Flow f in flows)
            {
                if (f.Frozen)
                {
                    continue;
                }

                bool freeze = boundBinds
                    ? f.Bound / f.Weight <= level
                    : CrossesResource(f, binding);
                if (!freeze)
                {
                    continue;
                }

                f.Frozen = true;
                f.Rate = level * f.Weight;
                f.Bottleneck = boundBinds ? null : resources[binding];
                unfrozen--;
                foreach (Resource r in f.Resources)
                {
                    remaining[r.SolverIndex] -= f.Rate;
                    weights[r.SolverIndex] -= f.Weight;
                    if (weights[r.SolverIndex] < 1e-12)
                    {
                        weights[r.SolverIndex] = 0;
                    }
                }
            }
        }
    }

    private static bool CrossesResource(Flow f, int index)
    {
        foreach (Resource r in f.Resources)
        {
            if (r.SolverIndex == index)
            {
                return true;
            }
        }

        return false;
    }
}
