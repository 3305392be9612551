namespace HyperVSim.Scenarios.Reading;

/// <summary>"Did you mean" candidates by optimal-string-alignment (Damerau-Levenshtein) distance, ignoring case.</summary>
public static class Suggestions
{
    /// <summary>The closest candidate when it is close enough to be a typo of <paramref name="written"/>; else null.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int allowed = Allowed(written);
        string lower = written.ToLowerInvariant();
        foreach (string candidate in candidates)
        {
            int d = Distance(lower, candidate.ToLowerInvariant());
            bool close = d <= allowed && d < Math.Max(1, Math.Min(written.Length, candidate.Length));
            if (close && d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>Edits a typo of a word this long may contain.</summary>
    private static int Allowed(string word) => word.Length switch
    {
        <= 2 => 1,
        <= 5 => 2,
        _ => 3,
    };

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}
