using System.Security.Cryptography;
using System.Text;

namespace HyperVSim.Scenarios.Import;

/// <summary>
/// Scenario names for the inventory's names, one scope per kind (hosts, VMs, networks, volumes, classes): valid scenario
/// names (letters, digits, '.', '-', '_', at most 63 characters), unique within the scope. With anonymizing, a name is
/// the kind's prefix and the first 8 hex digits of SHA-256 over the kind and the upper-cased name (Windows names ignore
/// case), so the same inventory always gives the same names and none of the original text.
/// </summary>
internal sealed class ImportNames(bool anonymize)
{
    private readonly Dictionary<string, Dictionary<string, string>> byScope = [];
    private readonly Dictionary<string, HashSet<string>> taken = [];

    public bool Anonymize { get; } = anonymize;

    /// <summary>Names the inventory's names changed to be valid (original, scenario name), when not anonymizing.</summary>
    public List<(string Original, string Name)> Changed { get; } = [];

    /// <summary>
    /// The scenario name of <paramref name="original"/> in <paramref name="scope"/> (the same each time it is asked);
    /// <paramref name="key"/> tells apart two things of one name in a scope (a cluster network and a switch).
    /// </summary>
    public string Of(string scope, string original, string prefix, string? key = null)
    {
        key ??= original;
        if (!byScope.TryGetValue(scope, out var map))
        {
            byScope[scope] = map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            taken[scope] = new HashSet<string>(StringComparer.Ordinal);
        }

        if (map.TryGetValue(key, out string? known))
        {
            return known;
        }

        string name = Anonymize ? prefix + "-" + Hash(scope, key, 8) : Sanitize(original, prefix);
        string unique = name;
        for (int i = 2; !taken[scope].Add(unique); i++)
        {
            unique = Anonymize ? prefix + "-" + Hash(scope, key + "#" + i, 8) : Trim(name, 60) + "-" + i;
        }

        if (!Anonymize && unique != original)
        {
            Changed.Add((original, unique));
        }

        return map[key] = unique;
    }

    /// <summary>A hex digest of the scope and the upper-cased name, <paramref name="digits"/> long.</summary>
    public static string Hash(string scope, string name, int digits)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\0" + name.ToUpperInvariant()));
        return Convert.ToHexStringLower(hash)[..digits];
    }

    /// <summary>Characters a name may not hold become '-', runs of '-' one, and a name must start with a letter or digit.</summary>
    private static string Sanitize(string original, string prefix)
    {
        var b = new StringBuilder();
        foreach (char c in original.Trim())
        {
            char k = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-';
            if (!(k == '-' && b.Length > 0 && b[^1] == '-'))
            {
                b.Append(k);
            }
        }

        string s = b.ToString().TrimStart('.', '_', '-').TrimEnd('-');
        return s.Length == 0 ? prefix : Trim(s, 63);
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
