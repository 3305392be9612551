using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using HyperVSim.Model;
using HyperVSim.Model.Results;
using HyperVSim.Reports.Html;
using static HyperVSim.Reports.Tests.Html.XhtmlPage;

namespace HyperVSim.Reports.Tests.Html;

/// <summary>The HTML report of a drain run: one well-formed, self-contained, escaped, deterministic page with its five plots.</summary>
public sealed class HtmlReportTests
{
    private static readonly string[] PlotIds = ["plot-timeline", "plot-passes", "plot-nics", "plot-running", "plot-cdf"];

    private static readonly Lazy<string> DrainHtml = new(() => HtmlReport.ToHtml(TestRuns.DrainResult));

    private static string Html => DrainHtml.Value;

    [Fact]
    public void The_page_is_well_formed_xhtml_after_the_doctype()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);

        page.Document.Root!.Name.Should().Be(Xhtml + "html");
        page.Document.Descendants(Xhtml + "title").Single().Value.Should().Contain(TestRuns.DrainResult.Scenario);
    }

    [Fact]
    public void Every_plot_is_one_inline_svg_in_a_figure_with_a_caption()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);

        page.Document.Descendants(Svg + "svg").Should().HaveCount(PlotIds.Length);
        foreach (string id in PlotIds)
        {
            XElement figure = page.Figure(id);
            figure.Descendants(Svg + "svg").Should().ContainSingle(because: $"{id} holds one plot");
            figure.Elements(Xhtml + "figcaption").Should().ContainSingle().Which.Value.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Nothing_on_the_page_reaches_outside_it()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);

        string[] elementsThatFetch = ["script", "link", "img", "iframe", "object", "embed", "image", "use", "audio", "video", "source"];
        page.Document.Descendants().Select(e => e.Name.LocalName).Should().NotIntersectWith(elementsThatFetch);
        foreach (XAttribute a in page.Document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href"))
        {
            a.Value.Should().MatchRegex("^(#|data:)", because: $"{a.Name} on <{a.Parent!.Name.LocalName}> must stay on the page");
        }

        Regex.Matches(Html, @"url\(\s*['""]?(?<target>[^)'""]*)").Select(m => m.Groups["target"].Value)
            .Should().OnlyContain(t => t.StartsWith('#') || t.StartsWith("data:", StringComparison.Ordinal));
        Regex.IsMatch(Html, @"\bsrc\s*=").Should().BeFalse();
        Regex.Matches(Html, @"\bhref\s*=\s*""(?<v>[^""]*)""").Select(m => m.Groups["v"].Value).Should().OnlyContain(v => v.StartsWith('#'));
        Html.Should().NotContain("@import");

        // The only addresses are the XML namespace names, which no browser fetches.
        Regex.Matches(Html, @"(https?:)?//[A-Za-z0-9.-]+\.[a-z]{2,}[^""'\s<]*").Select(m => m.Value)
            .Should().OnlyContain(u => u == "http://www.w3.org/1999/xhtml" || u == "http://www.w3.org/2000/svg" || u == "http://www.w3.org/1999/xlink");
    }

    [Fact]
    public void Every_id_on_the_page_is_unique_and_every_fragment_link_resolves()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);
        string[] ids = page.Document.Descendants().Attributes("id").Select(a => a.Value).ToArray();

        ids.Should().OnlyHaveUniqueItems();
        Regex.Matches(Html, @"(?:href=""#|url\(#)(?<id>[^"")]+)").Select(m => m.Groups["id"].Value).Should().BeSubsetOf(ids);
    }

    [Fact]
    public void Strings_from_the_result_are_escaped()
    {
        Html.Should().NotContain(TestRuns.HostileVm);
        Html.Should().NotContain("<hv1>");
        Html.Should().Contain("&lt;b&gt;&amp;x");

        XhtmlPage page = XhtmlPage.Parse(Html);
        page.Document.Descendants(Xhtml + "b").Should().BeEmpty(because: "the VM name must not become markup");
        page.Document.Descendants(Xhtml + "td").Select(td => td.Value).Should().Contain(TestRuns.HostileVm);
        page.Document.Descendants(Xhtml + "h1").Single().Value.Should().EndWith(TestRuns.DrainResult.Scenario);
        page.SvgTexts("plot-timeline").Should().Contain(t => t.StartsWith(TestRuns.HostileVm + ": hv1\u2192", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_result_gives_the_same_bytes()
    {
        string again = HtmlReport.ToHtml(TestRuns.DrainResult);
        using var ms = new MemoryStream();
        HtmlReport.Write(TestRuns.DrainResult, ms);

        again.Should().Be(Html);
        ms.ToArray().Should().Equal(Encoding.UTF8.GetBytes(Html));
        ms.ToArray().Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, because: "no byte-order mark");
    }

    [Fact]
    public void A_fresh_run_of_the_same_scenario_gives_the_same_page()
    {
        SimulationResult rerun = ClusterSimulation.Run(TestRuns.Drain());

        HtmlReport.ToHtml(rerun).Should().Be(Html);
    }

    [Fact]
    public void The_header_names_the_scenario_seed_and_simulated_time()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);
        string header = page.Document.Descendants(Xhtml + "header").Single().Value;

        header.Should().Contain(TestRuns.DrainResult.Scenario).And.Contain("Seed").And.Contain("42").And.Contain("Simulated time");
    }

    [Fact]
    public void The_migration_table_has_a_row_per_migration_with_the_contract_columns()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);
        XElement table = page.Document.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == "migrations-table");

        table.Descendants(Xhtml + "th").Select(th => th.Value).Should().Equal(
            "VM", "From", "To", "Strategy", "Option", "Queued", "Total", "Blackout", "Passes", "Sent", "Limited by", "Result", "Reason");
        XElement[] rows = table.Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").ToArray();
        rows.Should().HaveCount(TestRuns.DrainResult.Migrations.Count);
        rows.Select(r => r.Elements(Xhtml + "td").First().Value).Should().Equal(TestRuns.DrainResult.Migrations.Select(m => m.Vm));
        rows.Should().AllSatisfy(r => r.Elements(Xhtml + "td").ElementAt(4).Value.Should().Be("compression"));
    }

    [Fact]
    public void The_drain_and_vm_tables_list_every_drain_and_vm()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);
        XElement Table(string id) => page.Document.Descendants(Xhtml + "table").Single(t => (string?)t.Attribute("id") == id);

        Table("drains-table").Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").Should().ContainSingle()
            .Which.Elements(Xhtml + "td").First().Value.Should().Be("hv1");
        Table("vms-table").Element(Xhtml + "tbody")!.Elements(Xhtml + "tr").Select(r => r.Elements(Xhtml + "td").First().Value)
            .Should().Equal(TestRuns.DrainResult.Vms.Select(v => v.Name));
    }

    [Fact]
    public void The_navigation_links_every_section_and_plot()
    {
        XhtmlPage page = XhtmlPage.Parse(Html);

        page.Document.Descendants(Xhtml + "nav").Descendants(Xhtml + "a").Select(a => a.Attribute("href")!.Value)
            .Should().Equal(new[] { "migrations", "drains", "vms" }.Concat(PlotIds).Select(id => "#" + id));
    }
}
