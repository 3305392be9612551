namespace HyperVSim.Scenarios;

/// <summary>A scenario could not be loaded; <see cref="Errors"/> lists every problem found, in file order.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Describe(IReadOnlyList<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("a scenario exception needs at least one error", nameof(errors));
        }

        string head = errors.Count == 1 ? "the scenario has 1 problem" : $"the scenario has {errors.Count} problems";
        return head + Environment.NewLine + string.Join(Environment.NewLine, errors);
    }
}
