using HyperVSim.Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HyperVSim.Scenarios.Yaml;

/// <summary>
/// Builds the YAML tree from the parser's events, iteratively and with bounded depth. It refuses anchors and aliases
/// at the first one it meets (so an alias bomb never expands), explicit tags, complex keys, repeated keys and a second
/// document; syntax errors become problems at the parser's position.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Deepest nesting accepted; scenarios need about six levels.</summary>
    public const int MaxDepth = 32;

    private const string EmptyMessage = "scenario is empty; it needs at least name and hosts";

    public static YNode? Read(string text, Problems problems)
    {
        var parser = new Parser(new StringReader(text));
        var stack = new Stack<TreeFrame>();
        YNode? root = null;
        int documents = 0;
        Mark lastEnd = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                ParsingEvent e = parser.Current!;
                lastEnd = e.End;
                Position at = At(e.Start);
                if (Refuse(e, at, stack.Count, ref documents, problems))
                {
                    return null;
                }

                YNode? done = e switch
                {
                    Scalar s => new YScalar(at, s.Value, s.Style == ScalarStyle.Plain),
                    SequenceEnd or MappingEnd => stack.Pop().Build(),
                    _ => null,
                };
                if (e is SequenceStart or MappingStart)
                {
                    stack.Push(new TreeFrame(at, e is MappingStart));
                }

                if (done is not null)
                {
                    if (stack.Count == 0)
                    {
                        root = done;
                    }
                    else if (!stack.Peek().Add(done, problems))
                    {
                        return null;
                    }
                }
            }
        }
        catch (YamlException ex)
        {
            SyntaxError(text, ex.Start, ex.End, ex.Message, problems);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet 18.1 throws these on some malformed input (an unclosed flow mapping, for one).
            SyntaxError(text, lastEnd, lastEnd, "the YAML cannot be read past here (is a bracket or quote left open?)", problems);
            return null;
        }

        if (root is null || root is YScalar { IsNull: true })
        {
            problems.Add(Position.FileStart, "", EmptyMessage, "start with 'name: my-scenario' and a 'hosts:' list (see docs/scenario-format.md)");
            return null;
        }

        return root;
    }

    private static bool Refuse(ParsingEvent e, Position at, int depth, ref int documents, Problems problems)
    {
        switch (e)
        {
            case DocumentStart when ++documents > 1:
                problems.Add(at, "", "a scenario is one YAML document, but a second one starts here", "remove the '---' line and what follows, or put each scenario in its own file");
                return true;
            case AnchorAlias alias:
                problems.Add(at, "", $"anchors and aliases are not allowed in scenarios (found alias *{alias.Value})", "write the value out, or use count: to repeat hosts and VMs");
                return true;
            case NodeEvent { Anchor.IsEmpty: false } node:
                problems.Add(at, "", $"anchors and aliases are not allowed in scenarios (found anchor &{node.Anchor.Value})", "write the value out, or use count: to repeat hosts and VMs");
                return true;
            case NodeEvent { Tag.IsEmpty: false, Tag.IsNonSpecific: false } node:
                problems.Add(at, "", $"YAML tags ({Short(node.Tag.Value)}) are not used in scenarios", "remove the tag: each value is read as its key expects");
                return true;
            case SequenceStart or MappingStart when depth >= MaxDepth:
                problems.Add(at, "", $"the YAML is nested deeper than {MaxDepth} levels", "a scenario needs only a few levels; check the brackets and indentation");
                return true;
            default:
                return false;
        }
    }

    private static void SyntaxError(string text, Mark start, Mark end, string parserMessage, Problems problems)
    {
        const string fix = "indent with spaces (never tabs), and close every bracket and quote";
        Position? tab = IndentationTab(text, (int)Math.Max(end.Line, start.Line));
        if (tab is { } t)
        {
            problems.Add(t, "", "a tab is used for indentation; YAML indents with spaces only", "replace the tab with spaces");
            return;
        }

        string message = parserMessage.TrimEnd('.', ' ');
        problems.Add(At(start), "", "YAML syntax error: " + message, fix);
    }

    /// <summary>The first tab in a line's leading whitespace, up to <paramref name="lastLine"/>.</summary>
    private static Position? IndentationTab(string text, int lastLine)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length && i < lastLine; i++)
        {
            string line = lines[i];
            int content = 0;
            while (content < line.Length && line[content] is ' ' or '\t')
            {
                content++;
            }

            int tabAt = line.IndexOf('\t', 0, content);
            if (tabAt >= 0 && content < line.Length && line[content] is not '\r' and not '#')
            {
                return new Position(i + 1, tabAt + 1);
            }
        }

        return null;
    }

    private static string Short(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static Position At(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
