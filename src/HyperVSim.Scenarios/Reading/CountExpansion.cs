using System.Globalization;

namespace HyperVSim.Scenarios.Reading;

/// <summary><c>count: N</c> gives N copies named <c>name1</c>..<c>nameN</c>, zero-padded to the digits of N.</summary>
internal static class CountExpansion
{
    public static IReadOnlyList<string> Names(string name, long? count)
    {
        if (count is not { } n || name.Length == 0)
        {
            return [name];
        }

        int digits = n.ToString(CultureInfo.InvariantCulture).Length;
        var names = new string[n];
        for (int i = 1; i <= n; i++)
        {
            names[i - 1] = name + i.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        }

        return names;
    }
}
