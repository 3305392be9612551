namespace HyperVSim.Scenarios;

/// <summary>
/// One value set on a scenario from outside it (<c>run --set PATH=VALUE</c>, a study's parameter): the key path
/// (<c>cluster.liveMigration.option</c>, <c>hosts[name=hv].nics[name=lm1].speed</c>, <c>vms[0].memory</c>), the value
/// as YAML scalar text, and where it was written, so that an error in it names that place rather than the scenario.
/// </summary>
public sealed record ScenarioOverride(string Path, string Value, string SourceFile, int SourceLine = 0, int SourceColumn = 0)
{
    /// <summary>Parses <c>PATH=VALUE</c>; null when there is no '=' or no path.</summary>
    public static ScenarioOverride? Parse(string text, string sourceFile)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The '=' that ends the path is the first outside [...] selectors (hosts[name=hv].memory=64GiB).
        int depth = 0, eq = -1;
        for (int i = 0; i < text.Length && eq < 0; i++)
        {
            switch (text[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case '=' when depth == 0: eq = i; break;
            }
        }

        return eq <= 0 ? null : new ScenarioOverride(text[..eq].Trim(), text[(eq + 1)..].Trim(), sourceFile);
    }

    public override string ToString() => $"{Path}={Value}";
}
