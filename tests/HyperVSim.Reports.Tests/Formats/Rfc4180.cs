using System.Text;

namespace HyperVSim.Reports.Tests.Formats;

/// <summary>
/// A strict RFC 4180 reader: records end with a line break (CRLF, or LF as the report writes), fields are
/// separated by commas, a field with a comma, quote or line break is quoted and its quotes doubled, nothing
/// follows a closing quote but a comma or the end of the record, and every record has the header's field count.
/// Anything else throws <see cref="FormatException"/> naming the record and column.
/// </summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        int record = 1;
        if (text.Length == 0 || !text.EndsWith('\n'))
        {
            throw new FormatException("the last record must end with a line break");
        }

        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"record {record}: a quoted field is not closed");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    throw new FormatException($"record {record}, field {fields.Count + 1}: '{text[i]}' after a closing quote");
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    if (text[i] == '"')
                    {
                        throw new FormatException($"record {record}, field {fields.Count + 1}: a quote inside an unquoted field");
                    }

                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (text[i] == ',')
            {
                i++;
                if (i >= text.Length)
                {
                    throw new FormatException($"record {record}: the text ends after a comma");
                }

                continue;
            }

            // A record ends: CRLF or LF; a lone CR is not a line break.
            if (text[i] == '\r')
            {
                if (i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    throw new FormatException($"record {record}: a carriage return outside quotes without a line feed");
                }

                i++;
            }

            i++;
            if (records.Count > 0 && fields.Count != records[0].Length)
            {
                throw new FormatException($"record {record} has {fields.Count} fields, the header {records[0].Length}");
            }

            records.Add(fields.ToArray());
            fields.Clear();
            record++;
        }

        return records;
    }

    /// <summary>The rows of a table as column → value maps, the header giving the column names.</summary>
    public static List<Dictionary<string, string>> Rows(string text)
    {
        List<string[]> records = Parse(text);
        string[] header = records[0];
        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
        {
            throw new FormatException("the header repeats a column name");
        }

        return records.Skip(1)
            .Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))
            .ToList();
    }
}
