using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Deadline phrases: "2023年6月底前" → 2023-06-30, "年底前" / "年内" / "全年" → the list's year end, "9月底" → 09-30 of that
/// year, "上半年" → 06-30, "第三季度" / "三季度末" → 09-30, "6月前" (before June) → 05-31, a cell "2024年6月" → 06-30,
/// dates ("2023年6月28日前"); "长期坚持" / "持续推进" have no date.
/// </summary>
internal static partial class DeadlineParser
{
    private const string Cn = "〇零○一二两三四五六七八九十";

    [GeneratedRegex(
        @"(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
        + @"\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号](前|之前|以前)?")]
    private static partial Regex FullDateRegex();

    [GeneratedRegex(@"(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末|份)(?:前|之前|以前)?")]
    private static partial Regex MonthEndRegex();

    [GeneratedRegex(@"(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(?:年\s*)?(?:底|末)(?:前|之前|以前)?")]
    private static partial Regex YearEndRegex();

    [GeneratedRegex(@"(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(上半年|下半年|年内|全年|第?([一二三四1-4])季度(?:末|底)?)(?:前|之前|以前|内)?")]
    private static partial Regex PeriodRegex();

    // "2023年6月完成与…对接", "6月建成": a month followed by what is to be done in it, that month's end.
    [GeneratedRegex(
        @"(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
        + @"(?=\s*(?:完成|建成|实现|上线|出台|印发|启用|投用|投运|开工|竣工|办结))")]
    private static partial Regex MonthDoneRegex();

    // "6月前": before June, so by the end of May.
    [GeneratedRegex(@"(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:前|之前|以前)")]
    private static partial Regex BeforeMonthRegex();

    // A deadline cell naming only a month ("2024年6月", "6月"): that month's end.
    [GeneratedRegex(@"^(?:(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*)?(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:完成)?$")]
    private static partial Regex MonthCellRegex();

    [GeneratedRegex(@"长期坚持|持续推进|持续开展|长期推进|常态化推进|长期")]
    private static partial Regex OngoingRegex();

    /// <summary>Finds dated deadline phrases anywhere in a normalised text.</summary>
    public static IReadOnlyList<DeadlineMatch> FindDated(
        string normalized,
        string printed,
        int? listYear,
        bool isDeadlineCell = false)
    {
        var found = new List<DeadlineMatch>();
        var taken = new bool[normalized.Length];

        void Add(Match m, DateOnly? date)
        {
            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                if (taken[i])
                {
                    return;
                }
            }

            for (var i = m.Index; i < m.Index + m.Length; i++)
            {
                taken[i] = true;
            }

            found.Add(new DeadlineMatch(m.Index, m.Length, printed.Substring(m.Index, m.Length).Trim(), date));
        }

        foreach (Match m in FullDateRegex().Matches(normalized))
        {
            // In running text a bare date is an event ("6月28日印发"), not a deadline; "6月28日前" is.
            if (!isDeadlineCell && !m.Groups[4].Success)
            {
                continue;
            }

            var year = Year(m.Groups[1].Value) ?? listYear;
            var month = Number(m.Groups[2].Value);
            var day = Number(m.Groups[3].Value);
            if (Date(year, month, day) is { } date)
            {
                Add(m, date);
            }
        }

        // A month phrase (group 1 the year, group 2 the month): the month's last day, or for "6月前" the day before it.
        void AddMonth(Match m, bool before)
        {
            var year = Year(m.Groups[1].Value) ?? listYear;
            if (Number(m.Groups[2].Value) is { } month and >= 1 and <= 12)
            {
                Add(m, year is not { } y ? null
                    : before ? new DateOnly(y, month, 1).AddDays(-1)
                    : new DateOnly(y, month, DateTime.DaysInMonth(y, month)));
            }
        }

        foreach (Match m in MonthEndRegex().Matches(normalized))
        {
            AddMonth(m, before: false);
        }

        foreach (Match m in MonthDoneRegex().Matches(normalized))
        {
            AddMonth(m, before: false);
        }

        foreach (Match m in BeforeMonthRegex().Matches(normalized))
        {
            AddMonth(m, before: true);
        }

        var start = normalized.Length - normalized.TrimStart().Length;
        var monthCell = isDeadlineCell ? MonthCellRegex().Match(normalized, start, normalized.Trim().Length) : null;
        if (monthCell is { Success: true } cell)
        {
            AddMonth(cell, before: false);
        }

        foreach (Match m in PeriodRegex().Matches(normalized))
        {
            var year = Year(m.Groups[1].Value) ?? listYear;
            var what = m.Groups[2].Value;
            DateOnly? date = year is not { } y ? null : what switch
            {
                "上半年" => new DateOnly(y, 6, 30),
                _ when m.Groups[3].Success => QuarterEnd(y, m.Groups[3].Value),
                _ => new DateOnly(y, 12, 31),
            };
            Add(m, date);
        }

        foreach (Match m in YearEndRegex().Matches(normalized))
        {
            // "年底" needs the 年: either "2023年底" / "2023年年底" or a bare "年底".
            var text = normalized.Substring(m.Index, m.Length);
            if (!text.Contains('年'))
            {
                continue;
            }

            var year = Year(m.Groups[1].Value) ?? listYear;
            Add(m, year is { } y ? new DateOnly(y, 12, 31) : null);
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }

    /// <summary>
    /// Parses a deadline cell or label ("完成时限：2023年底前", "长期坚持"): dated phrases, else an ongoing phrase.
    /// </summary>
    public static DeadlineMatch? ParseCell(string normalized, string printed, int? listYear)
    {
        var dated = FindDated(normalized, printed, listYear, isDeadlineCell: true);
        if (dated.Count > 0)
        {
            return Latest(dated);
        }

        var ongoing = OngoingRegex().Match(normalized);
        if (ongoing.Success)
        {
            return new DeadlineMatch(ongoing.Index, ongoing.Length, printed.Trim(), null);
        }

        return null;
    }

    /// <summary>An ongoing phrase standing alone as a clause or in brackets ("…。长期坚持。", "（持续推进）").</summary>
    public static DeadlineMatch? FindStandaloneOngoing(string normalized, string printed)
    {
        foreach (Match m in OngoingRegex().Matches(normalized))
        {
            var before = m.Index == 0 ? '。' : normalized[m.Index - 1];
            var afterIndex = m.Index + m.Length;
            var after = afterIndex >= normalized.Length ? '。' : normalized[afterIndex];
            if ("。;,([:".Contains(before) && "。;,)]".Contains(after))
            {
                return new DeadlineMatch(m.Index, m.Length, printed.Substring(m.Index, m.Length), null);
            }
        }

        return null;
    }

    public static DeadlineMatch Latest(IReadOnlyList<DeadlineMatch> matches)
    {
        var best = matches[0];
        foreach (var m in matches)
        {
            if (m.Date is { } d && (best.Date is null || d > best.Date))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>The calendar date the parts name, or null when a part is missing or out of range (2月30日).</summary>
    public static DateOnly? Date(int? year, int? month, int? day) =>
        year is { } y && month is { } m && m is >= 1 and <= 12 && day is { } d && d >= 1
        && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    public static int? Year(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var year = char.IsAsciiDigit(text[0])
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : ChineseNumerals.Parse(text);
        return year is >= 1949 and <= 2200 ? year : null;
    }

    private static int? Number(string text) =>
        text.Length == 0 ? null
        : char.IsAsciiDigit(text[0]) ? int.Parse(text, CultureInfo.InvariantCulture)
        : Cn.Contains(text[0]) ? ChineseNumerals.Parse(text)
        : null;

    private static DateOnly QuarterEnd(int year, string quarter)
    {
        var q = Number(quarter) ?? 4;
        var month = Math.Clamp(q, 1, 4) * 3;
        return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }
}
