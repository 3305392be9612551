using FluentAssertions;
using HyperVSim.Reports.Html.Plots;

namespace HyperVSim.Reports.Tests.Html;

/// <summary>Preparing ScottPlot's SVG for inlining.</summary>
public sealed class SvgInlinerTests
{
    private const string Sample = """
        <?xml version="1.0" encoding="utf-8" ?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="400">
        	<clipPath id="cl_14"><rect x="1" y="2" width="3" height="4"/></clipPath>
        	<g clip-path="url(#cl_14)"><rect x="0" y="0" width="1" height="1"/></g>
        	<clipPath id="cl_140"><rect x="1" y="2" width="3" height="4"/></clipPath>
        	<g clip-path="url(#cl_140)"><text font-family="DejaVu Sans" x="0, 7.5, " y="2.5, ">ab</text></g>
        </svg>
        """;

    [Fact]
    public void Ids_are_renumbered_per_figure_in_order_of_appearance()
    {
        string svg = SvgInliner.Inline(Sample, "plot-x", "X");

        svg.Should().Contain("id=\"plot-x-1\"").And.Contain("url(#plot-x-1)").And.Contain("id=\"plot-x-2\"").And.Contain("url(#plot-x-2)");
        svg.Should().NotContain("cl_");
    }

    [Fact]
    public void The_declaration_goes_and_the_root_gets_a_view_box_and_a_label()
    {
        string svg = SvgInliner.Inline(Sample, "p", "A <plot>");

        svg.Should().StartWith("<svg ");
        svg.Should().Contain("viewBox=\"0 0 800 400\"").And.Contain("aria-label=\"A &lt;plot&gt;\"");
    }

    [Fact]
    public void Glyph_position_lists_lose_their_dangling_comma_and_fonts_get_fallbacks()
    {
        string svg = SvgInliner.Inline(Sample, "p", "X");

        svg.Should().Contain("x=\"0, 7.5\" y=\"2.5\"");
        svg.Should().Contain("font-family=\"'DejaVu Sans', 'Liberation Sans', 'Arial', 'Helvetica', sans-serif\"");
    }
}
