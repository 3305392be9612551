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
            for (int k = 0; k < f.Resources.Count; k++)
            {
                weights[f.Resources[k].SolverIndex] += f.Weight * f.Usages[k];
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
                for (int k = 0; k < f.Resources.Count; k++)
                {
                    int j = f.Resources[k].SolverIndex;
                    remaining[j] -= f.Rate * f.Usages[k];
                    weights[j] -= f.Weight * f.Usages[k];
                    if (weights[j] < 1e-12)
                    {
                        weights[j] = 0;
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
