using FluentAssertions;
using HyperVSim.Reports.Html;

namespace HyperVSim.Reports.Tests.Html;

/// <summary>Escaping for HTML and XML.</summary>
public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<b>&x", "&lt;b&gt;&amp;x")]
    [InlineData("a \"q\" 'r'", "a &quot;q&quot; &#39;r&#39;")]
    [InlineData("hv1\u2192hv2", "hv1\u2192hv2")]
    [InlineData("", "")]
    public void Markup_characters_are_escaped_and_the_rest_kept(string text, string expected) =>
        HtmlText.Escape(text).Should().Be(expected);

    [Fact]
    public void Characters_xml_cannot_carry_become_replacement_characters()
    {
        HtmlText.Escape("a\u0001b\uD800c\uFFFF").Should().Be("a\uFFFDb\uFFFDc\uFFFD");
        HtmlText.Clean("tab\there\n\U0001F600").Should().Be("tab\there\n\U0001F600");
    }
}
