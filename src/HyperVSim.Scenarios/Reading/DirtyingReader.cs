using HyperVSim.Model.Specs;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// Reads <c>memoryDirtying:</c>. <c>constant</c> needs a rate; <c>workingSet</c> needs a rate and a working set;
/// <c>none</c> (the default) takes neither, so a rate or working set without a model is refused rather than guessed.
/// </summary>
internal static class DirtyingReader
{
    public static IReadOnlyList<string> Models => Model.Dirtying.DirtyingModels.Registry.Names;

    /// <summary>Largest working set the page-level model simulates (as the model's own limit).</summary>
    private const long PageLevelMaxWorkingSet = 4L << 30;

    public static DirtyingSpec Read(MapReader? map, DirtyingSpec d, Scalars scalars)
    {
        if (map is null)
        {
            return d;
        }

        string? written = map.Choice("model", Models);
        string model = written ?? d.Model;
        double? rate = map.ByteRate("rate", Limits.DirtyRate);
        long? workingSet = map.Size("workingSet", Limits.WorkingSet);
        bool modelKnown = written is not null || !map.Has("model");
        if (modelKnown && model != "none" && !map.Has("rate"))
        {
            scalars.Problems.Add(map.Start, map.SiteOf("rate").Path, $"model {model} needs a rate", "add rate:, e.g. rate: 400MB/s");
        }

        if (modelKnown && model is "workingSet" or "pageLevel" && !map.Has("workingSet"))
        {
            scalars.Problems.Add(map.Start, map.SiteOf("workingSet").Path, $"model {model} needs a working set size", "add workingSet:, e.g. workingSet: 6GiB");
        }

        if (modelKnown && model == "none" && map.Has("rate"))
        {
            Site(scalars, map, "rate", "a rate has no effect with model none", "write model: constant or model: workingSet, or remove rate");
        }

        if (modelKnown && model == "pageLevel" && workingSet > PageLevelMaxWorkingSet)
        {
            Site(scalars, map, "workingSet", "the pageLevel model simulates at most 4 GiB of working set page by page", "use model: workingSet (its analytic twin), or a working set up to 4GiB");
        }

        if (modelKnown && model is not ("workingSet" or "pageLevel") && map.Has("workingSet"))
        {
            Site(scalars, map, "workingSet", $"a working set has no effect with model {model}", "write model: workingSet, or remove workingSet");
        }

        return d with { Model = model, BytesPerSecond = rate ?? d.BytesPerSecond, WorkingSetBytes = workingSet ?? d.WorkingSetBytes };
    }

    private static void Site(Scalars scalars, MapReader map, string key, string message, string fix)
    {
        var site = map.SiteOf(key);
        scalars.Problems.Add(site, message, fix);
    }
}
