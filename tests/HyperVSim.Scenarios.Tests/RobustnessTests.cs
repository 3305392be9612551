using CsCheck;
using Xunit;

namespace HyperVSim.Scenarios.Tests;

/// <summary>Whatever the text, loading ends in a spec or a <see cref="ScenarioException"/>, never another exception.</summary>
public sealed class RobustnessTests
{
    private static readonly string Core = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Good", "contract-core.yaml"));

    /// <summary>Characters that matter to YAML and to the loader.</summary>
    private const string Alphabet = " \n\t:-[]{},#&*!|>'\"%@`?~0123456789abcdefghijklmnopqrstuvwxyzGMKiBbpsTt/.";

    /// <summary>The core example with a few characters deleted, inserted or replaced.</summary>
    private static readonly Gen<string> Mutants =
        Gen.Select(Gen.Int[1, 4].Array, Gen.Int[0, Core.Length - 1].Array, Gen.Int[0, Alphabet.Length - 1].Array)
            .Select((ops, positions, chars) =>
            {
                var text = new System.Text.StringBuilder(Core);
                for (int i = 0; i < Math.Min(ops.Length, Math.Min(positions.Length, chars.Length)); i++)
                {
                    int at = Math.Min(positions[i], text.Length - 1);
                    switch (ops[i])
                    {
                        case 1: text.Remove(at, 1); break;
                        case 2: text.Insert(at, Alphabet[chars[i]]); break;
                        default: text[at] = Alphabet[chars[i]]; break;
                    }
                }

                return text.ToString();
            });

    [Fact]
    public void Mutated_scenarios_load_or_fail_with_positions() =>
        Sampling.Check(Mutants, text => LoadsOrExplains(text), iterations: 1500);

    [Fact]
    public void Random_text_loads_or_fails_with_positions() =>
        Sampling.Check(Gen.String[Gen.Char[Alphabet], 0, 400], LoadsOrExplains, iterations: 1500);

    private static bool LoadsOrExplains(string text)
    {
        try
        {
            ScenarioLoader.LoadText(text, "fuzz.yaml");
            return true;
        }
        catch (ScenarioException ex)
        {
            return ex.Errors.Count > 0 && ex.Errors.All(e => e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0 && e.Fix.Length > 0);
        }
    }
}
