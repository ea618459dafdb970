using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Splits one cell holding several numbered measures ("1.推行…；2.开展…", "(1)…(2)…", "①…②…") into the measures, their
/// numbers dropped. Numbers count only in order from 1 and at the start of the cell or after punctuation, so "1.5天" or
/// "第2批" never split a measure.
/// </summary>
internal static partial class Measures
{
    [GeneratedRegex(@"(?:(?<arabic>\d{1,2})\s*[.、](?!\d)|\(\s*(?<paren>\d{1,2})\s*\)|(?<circled>[\u2460-\u2473]))\s*")]
    private static partial Regex MarkerRegex();

    public static IReadOnlyList<string> Split(string printed, string normalized)
    {
        var cuts = new List<(int Start, int TextStart)>();
        var expected = 1;
        foreach (Match m in MarkerRegex().Matches(normalized))
        {
            var value = m.Groups["arabic"].Success ? Arabic(m.Groups["arabic"].Value)
                : m.Groups["paren"].Success ? Arabic(m.Groups["paren"].Value)
                : m.Groups["circled"].Value[0] - '\u2460' + 1;
            var atBoundary = m.Index == 0 || "。;；,，:：\n ".Contains(normalized[m.Index - 1]);
            if (value == expected && (atBoundary || m.Groups["circled"].Success))
            {
                cuts.Add((m.Index, m.Index + m.Length));
                expected++;
            }
        }

        if (cuts.Count < 2)
        {
            return [printed];
        }

        var measures = new List<string>();
        for (var i = 0; i < cuts.Count; i++)
        {
            var end = i + 1 < cuts.Count ? cuts[i + 1].Start : printed.Length;
            measures.Add(printed[cuts[i].TextStart..end].Trim().TrimEnd('；', ';', '，', ','));
        }

        // A lead-in before "1." belongs to the first measure: nothing of the cell is dropped.
        var leadIn = printed[..cuts[0].Start].Trim();
        if (leadIn.Length > 0)
        {
            measures[0] = leadIn + measures[0];
        }

        return measures;
    }

    private static int Arabic(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}
