using HyperVSim.Model.Specs;

namespace HyperVSim.Model.Plugins;

/// <summary>
/// One plug-in: the name a scenario uses, a sentence for people, the first Hyper-V version that has it, how to make
/// one, and the scenario keys it reads (<see cref="Options"/>). Transports, dirtying models, convergence strategies,
/// migration strategies and scripted-event handlers are all described so, in one <see cref="Registry{T}"/> each,
/// which the scenario loader reads for names, suggestions, version rules and option checks.
/// </summary>
public sealed record PluginDescriptor<T>(string Name, string Description, HyperVVersion MinimumVersion, Func<T> Create)
    where T : class
{
    /// <summary>
    /// The keys beside the plug-in's name that it reads, all required (a dirtying model's <c>rate</c> and
    /// <c>workingSet</c>). The loader asks for a missing one and refuses one the plug-in does not read.
    /// </summary>
    public IReadOnlyList<PluginOption> Options { get; init; } = [];

    /// <summary>Checks the plug-in's own limits on its options (e.g. pageLevel's working set); null when none apply.</summary>
    public Func<IReadOnlyDictionary<string, double>, PluginProblem?>? Validate { get; init; }
}

/// <summary>A scenario key a plug-in reads: the key, the value in words ("a working set size"), an example value.</summary>
public sealed record PluginOption(string Key, string Noun, string Example);

/// <summary>What is wrong with one of a plug-in's options, and the fix.</summary>
public sealed record PluginProblem(string Key, string Message, string Fix);

/// <summary>
/// The plug-ins of one kind, keyed by name (ordinal), listed in the order they were registered (so messages list the
/// built-in ones as the docs do). Registering is allowed at any time (a test or an extension adds its own); readers
/// see a consistent snapshot.
/// </summary>
public sealed class Registry<T>
    where T : class
{
    private readonly object _gate = new();
    private Dictionary<string, PluginDescriptor<T>> _byName = new(StringComparer.Ordinal);
    private PluginDescriptor<T>[] _inOrder = [];

    /// <param name="kind">What the plug-ins are, for messages ("live-migration option").</param>
    /// <param name="builtIn">The plug-ins that ship with HyperVSim.</param>
    public Registry(string kind, IEnumerable<PluginDescriptor<T>> builtIn)
    {
        Kind = kind ?? throw new ArgumentNullException(nameof(kind));
        foreach (PluginDescriptor<T> d in builtIn)
        {
            Register(d);
        }
    }

    /// <summary>What the plug-ins are, for messages.</summary>
    public string Kind { get; }

    /// <summary>Names, in registration order.</summary>
    public IReadOnlyList<string> Names => Array.ConvertAll(_inOrder, d => d.Name);

    /// <summary>Descriptors, in registration order.</summary>
    public IReadOnlyList<PluginDescriptor<T>> Descriptors => _inOrder;

    /// <summary>Adds a plug-in; a name already taken throws.</summary>
    public void Register(PluginDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (string.IsNullOrWhiteSpace(descriptor.Name))
        {
            throw new ArgumentException($"a {Kind} needs a name", nameof(descriptor));
        }

        lock (_gate)
        {
            if (_byName.ContainsKey(descriptor.Name))
            {
                throw new ArgumentException($"a {Kind} named '{descriptor.Name}' is already registered", nameof(descriptor));
            }

            // Copy on write: readers keep the collections they started with.
            _byName = new Dictionary<string, PluginDescriptor<T>>(_byName, StringComparer.Ordinal) { [descriptor.Name] = descriptor };
            _inOrder = [.. _inOrder, descriptor];
        }
    }

    /// <summary>The descriptor named <paramref name="name"/>, or null.</summary>
    public PluginDescriptor<T>? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The descriptor named <paramref name="name"/>; an unknown name throws, listing the valid ones.</summary>
    public PluginDescriptor<T> Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown {Kind} '{name}'; valid: {string.Join(", ", Names)}", nameof(name));
}
