using System.Text;
using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>
/// Checks that no text of the source was dropped: every fragment of every line (split at punctuation, with the labels
/// that only structure the text — 牵头单位, 负责 … — taken out) is found in the notice, a category, a task,
/// OtherText or a warning.
/// </summary>
public static class SourceCoverage
{
    private static readonly string[] StructuralWords =
    [
        "按职责分工负责", "牵头单位", "责任单位", "配合单位", "责任领导", "完成时限", "牵头", "负责", "配合",
    ];

    private const string Separators = "，,。.；;：:、（）()〔〕[]【】“”\"‘’'《》|｜!！?？ \t";

    public static IReadOnlyList<string> LostFragments(string source, ParsedTaskList parsed)
    {
        var haystack = Haystack(parsed);
        var lost = new List<string>();
        foreach (var line in source.Replace("\r\n", "\n").Split('\n'))
        {
            var normalized = TextNormalizer.Normalize(line.Trim());
            if (normalized.Length == 0
                || (parsed.Notice.IssuedOn is { } date && NoticeReader.ParseStandaloneDate(normalized) == date))
            {
                continue;
            }

            foreach (var fragment in Fragments(normalized))
            {
                if (!haystack.Contains(fragment, StringComparison.Ordinal))
                {
                    lost.Add(fragment);
                }
            }
        }

        return lost;
    }

    private static IEnumerable<string> Fragments(string normalized)
    {
        var pieces = normalized.Split(
            Separators.Select(TextNormalizer.Normalize).Distinct().ToArray(),
            StringSplitOptions.RemoveEmptyEntries);
        foreach (var piece in pieces)
        {
            foreach (var part in piece.Split(StructuralWords, StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length >= 2)
                {
                    yield return part;
                }
            }
        }
    }

    private static string Haystack(ParsedTaskList parsed)
    {
        var all = new List<string?>
        {
            parsed.Notice.DocNumber, parsed.Notice.Issuer, parsed.Notice.Title, parsed.Notice.Reporting?.SourceText,
            parsed.Notice.Contact?.Name, parsed.Notice.Contact?.Phone, parsed.Notice.Contact?.Email,
        };
        foreach (var c in parsed.Categories)
        {
            all.AddRange([c.Number, c.Title, .. c.LeadUnits, .. c.ResponsibleUnits, .. c.Leaders]);
        }

        foreach (var t in parsed.Tasks)
        {
            all.AddRange([t.Number, t.Text, t.DeadlineText, .. t.LeadUnits, .. t.ResponsibleUnits, .. t.Leaders]);
        }

        all.AddRange(parsed.OtherText);
        all.AddRange(parsed.Warnings.Select(w => w.SourceText));
        var builder = new StringBuilder();
        foreach (var s in all.Where(s => s is not null))
        {
            builder.Append(TextNormalizer.Normalize(s!).Replace(" ", "", StringComparison.Ordinal)).Append('\u0001');
        }

        return builder.ToString();
    }
}
