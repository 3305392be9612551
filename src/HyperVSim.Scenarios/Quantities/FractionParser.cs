using HyperVSim.Scenarios.Diagnostics;

namespace HyperVSim.Scenarios.Quantities;

/// <summary>Fractions from 0 to 1, written as a percentage (<c>30%</c>) or a plain number (<c>0.3</c>).</summary>
internal static class FractionParser
{
    public static FractionStatus Read(string text, out double value)
    {
        value = 0;
        string trimmed = text.Trim();
        bool percent = trimmed.EndsWith('%');
        string number = percent ? trimmed[..^1].TrimEnd() : trimmed;
        if (!NumberText.IsNumber(number) || !NumberText.TryScaledDouble(number, percent ? -2 : 0, out value))
        {
            return FractionStatus.NotANumber;
        }

        if (value < 0)
        {
            return FractionStatus.Negative;
        }

        if (value > 1)
        {
            return percent ? FractionStatus.OverHundredPercent : FractionStatus.OverOne;
        }

        return FractionStatus.Ok;
    }

    public static (string Message, string Fix) Explain(string text, FractionStatus status)
    {
        string t = Echo.Cut(text.Trim());
        const string fix = "write a percentage or a number from 0 to 1, e.g. 30% or 0.3";
        return status switch
        {
            FractionStatus.Negative => ($"'{t}' is negative; a fraction is from 0 to 1", fix),
            FractionStatus.OverOne when Read(t + "%", out _) == FractionStatus.Ok =>
                ($"'{t}' is more than 1; a fraction is from 0 to 1", $"write {t}% for a percentage, or a number from 0 to 1"),
            FractionStatus.OverOne => ($"'{t}' is more than 1; a fraction is from 0 to 1", fix),
            FractionStatus.OverHundredPercent => ($"'{t}' is over 100%", fix),
            _ => ($"'{t}' is not a fraction", fix),
        };
    }
}
