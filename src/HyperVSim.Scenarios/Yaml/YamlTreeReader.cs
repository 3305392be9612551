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
        if (IndentationTabs(text, problems))
        {
            return null; // the parser's own message for these is misleading and often at the wrong line
        }

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
        string message = parserMessage.TrimEnd('.', ' ');
        problems.Add(At(start), "", "YAML syntax error: " + message, fix);
    }

    /// <summary>
    /// Adds a problem for every line whose leading whitespace holds a tab (comment lines excepted), at the tab itself;
    /// true when there was one. Runs before parsing, so the position is the tab's, not where the parser gave up.
    /// </summary>
    private static bool IndentationTabs(string text, Problems problems)
    {
        bool found = false;
        int line = 1;
        for (int start = 0; start < text.Length; line++)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            int content = start;
            while (content < end && text[content] is ' ' or '\t')
            {
                content++;
            }

            int tab = text.IndexOf('\t', start, content - start);
            bool blank = content == end || (content == end - 1 && text[content] == '\r');
            if (tab >= 0 && (content >= end || text[content] != '#'))
            {
                var at = new Position(line, tab - start + 1);
                if (blank)
                {
                    problems.Add(at, "", "a tab on an otherwise blank line; YAML allows only spaces before content", "delete the tab, or leave the line empty");
                }
                else
                {
                    problems.Add(at, "", "a tab is used for indentation; YAML indents with spaces only", "replace the tab with spaces");
                }

                found = true;
            }

            start = end + 1;
        }

        return found;
    }

    private static string Short(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static Position At(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
