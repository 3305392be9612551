using HyperVSim.Experiments.Studies;

namespace HyperVSim.Reports.Studies;

/// <summary>The summary files the reports layer adds to a study's summary.json and summary.csv: summary.md and summary.html.</summary>
public static class StudyFormats
{
    public static IReadOnlyList<ISummaryFormat> All { get; } = [new StudyMarkdown(), new StudyHtml()];
}
