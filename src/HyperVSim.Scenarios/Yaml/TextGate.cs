using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using HyperVSim.Scenarios.Diagnostics;

namespace HyperVSim.Scenarios.Yaml;

/// <summary>
/// Checks a scenario is small, UTF-8 text before any YAML parsing: binary files, NUL bytes and oversized input
/// stop here with the position of the first offending byte.
/// </summary>
internal static class TextGate
{
    /// <summary>The largest scenario accepted: 10 MiB.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>Adds the too-large problem; <paramref name="bytes"/> is the size, or null when only a lower bound is known.</summary>
    public static void TooLarge(long? bytes, Problems problems)
    {
        string size = bytes is { } b ? $"{b.ToString("N0", CultureInfo.InvariantCulture)} bytes" : "larger than that";
        problems.Add(
            Position.FileStart,
            "",
            $"the file is {size}; a scenario may be at most 10 MiB ({MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)",
            "split it into several scenarios, or use count: to repeat hosts and VMs instead of writing each out");
    }

    /// <summary>The text of UTF-8 bytes (a leading byte-order mark dropped), or null after adding a problem.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, Problems problems)
    {
        if (bytes.Length > MaxBytes)
        {
            TooLarge(null, problems); // the reader stops one byte past the limit
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            problems.Add(Position.FileStart, "", "the file is UTF-16 text", "save the scenario as UTF-8");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        char[] chars = new char[bytes.Length];
        OperationStatus status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            string before = new(chars, 0, written);
            problems.Add(
                At(before, before.Length),
                "",
                $"byte 0x{bytes[read]:X2} is not valid UTF-8: this is not a text file",
                "a scenario is UTF-8 text; check that this is the right file, or save it as UTF-8");
            return null;
        }

        string text = new(chars, 0, written);
        return Check(text, problems) ? text : null;
    }

    /// <summary>False after adding a problem when the text is too large or holds characters no scenario has.</summary>
    public static bool Check(string text, Problems problems)
    {
        if (text.Length > MaxBytes || Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            TooLarge(text.Length > MaxBytes ? text.Length : Encoding.UTF8.GetByteCount(text), problems);
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\0')
            {
                problems.Add(At(text, i), "", "the file contains a NUL byte: this is not a text file", "a scenario is UTF-8 text; check that this is the right file");
                return false;
            }

            if (IsForbidden(c) || IsLoneSurrogate(text, i))
            {
                problems.Add(
                    At(text, i),
                    "",
                    $"character U+{(int)c:X4} is not allowed in a scenario",
                    "remove it: a scenario is plain UTF-8 text (tabs only inside values, never for indentation)");
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return true;
    }

    /// <summary>The 1-based line and column of <paramref name="index"/> in <paramref name="text"/>.</summary>
    public static Position At(string text, int index)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new Position(line, index - lineStart + 1);
    }

    private static bool IsForbidden(char c) =>
        (c < 0x20 && c is not '\t' and not '\n' and not '\r') || c == 0x7F || (c is >= '\u0080' and <= '\u009F' && c != '\u0085') || c is '\uFFFE' or '\uFFFF';

    private static bool IsLoneSurrogate(string text, int i) =>
        (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
        || char.IsLowSurrogate(text[i]);
}
