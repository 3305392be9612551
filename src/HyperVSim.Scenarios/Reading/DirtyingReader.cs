using HyperVSim.Model.Dirtying;
using HyperVSim.Model.Plugins;
using HyperVSim.Model.Specs;

namespace HyperVSim.Scenarios.Reading;

/// <summary>
/// Reads <c>memoryDirtying:</c>. <c>constant</c> needs a rate; <c>workingSet</c> needs a rate and a working set;
/// <c>none</c> (the default) takes neither, so a rate or working set without a model is refused rather than guessed.
/// </summary>
internal static class DirtyingReader
{
    public static IReadOnlyList<string> Models => DirtyingModels.Registry.Names;

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
        if (modelKnown && DirtyingModels.Registry.Find(model) is { } descriptor)
        {
            // The model's descriptor says which keys it reads: ask for those missing, refuse those it ignores.
            foreach (PluginOption option in descriptor.Options.Where(o => !map.Has(o.Key)))
            {
                scalars.Problems.Add(map.Start, map.SiteOf(option.Key).Path, $"model {model} needs {option.Noun}", $"add {option.Key}:, e.g. {option.Key}: {option.Example}");
            }

            foreach (string key in Keys.Where(k => map.Has(k) && descriptor.Options.All(o => o.Key != k)))
            {
                string[] readers = DirtyingModels.Registry.Descriptors.Where(m => m.Options.Any(o => o.Key == key)).Select(m => $"model: {m.Name}").ToArray();
                Site(scalars, map, key, $"{Noun(key)} has no effect with model {model}", $"write {string.Join(" or ", readers)}, or remove {key}");
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            if (rate is { } r)
            {
                values["rate"] = r;
            }

            if (workingSet is { } w)
            {
                values["workingSet"] = w;
            }

            if (descriptor.Validate?.Invoke(values) is { } problem)
            {
                Site(scalars, map, problem.Key, problem.Message, problem.Fix);
            }
        }

        return d with { Model = model, BytesPerSecond = rate ?? d.BytesPerSecond, WorkingSetBytes = workingSet ?? d.WorkingSetBytes };
    }

    /// <summary>The option keys of <c>memoryDirtying:</c> besides <c>model</c>.</summary>
    private static readonly string[] Keys = ["rate", "workingSet"];

    private static string Noun(string key) =>
        DirtyingModels.Registry.Descriptors.SelectMany(m => m.Options).First(o => o.Key == key).Noun;

    private static void Site(Scalars scalars, MapReader map, string key, string message, string fix)
    {
        var site = map.SiteOf(key);
        scalars.Problems.Add(site, message, fix);
    }
}
