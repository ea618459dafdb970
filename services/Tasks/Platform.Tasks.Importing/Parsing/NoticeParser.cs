using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>Recognises the notice's fields: doc number, issuer, issue date, title, reporting rule, contact.</summary>
internal static partial class NoticeParser
{
    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,14}\s*[\[(]\s*(\d{4})?\s*[\])]\s*\d{1,4}\s*号")]
    public static partial Regex DocNumberRegex();

    [GeneratedRegex(@"^\(?\s*(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:印发|发布)?\s*\)?$")]
    private static partial Regex StandaloneDateRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fa5()]{2,30}(人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|领导小组|指挥部|局|委)$")]
    private static partial Regex IssuerRegex();

    [GeneratedRegex(@"联系人\s*[:]?\s*([\u4e00-\u9fa5·]{2,6}?)(?=\s*[,;。)]|\s*联系|\s*电话|\s*$|\s+)")]
    private static partial Regex ContactNameRegex();

    [GeneratedRegex(@"(?:联系电话|电话|手机|座机)\s*[:]?\s*(\(?\d[\d\-\s()]{5,18}\d)")]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?:并|及时|按时|统一|定期)?报(?:送|告)?(?:至|给)?\s*([\u4e00-\u9fa5]{2,16}?(?:办公室|领导小组|办|委|局|室|组|中心|政府|部))(?=[,;。、\s)]|$)")]
    private static partial Regex ReportToRegex();

    [GeneratedRegex(@"(\d{4})\s*年")]
    private static partial Regex YearRegex();

    // "202426日", "2024年38日": a date whose 年 / 月 were lost in a copy, the month and day run together.
    [GeneratedRegex(@"^(\d{4})\s*年?\s*(\d{2,4})\s*日\s*(?:印发|发布)?$")]
    private static partial Regex DamagedDateRegex();

    public static bool IsStandaloneDate(string normalizedTrimmed) => StandaloneDateRegex().IsMatch(normalizedTrimmed);

    /// <summary>
    /// A date line with its month and day run together, read only when one split gives a real date ("26" → 2月6日,
    /// "312" → 3月12日); "112" (1月12日 or 11月2日) gives null.
    /// </summary>
    public static DateOnly? ParseDamagedDate(string normalizedTrimmed)
    {
        var m = DamagedDateRegex().Match(normalizedTrimmed);
        if (!m.Success || DeadlineParser.Year(m.Groups[1].Value) is not { } year)
        {
            return null;
        }

        var digits = m.Groups[2].Value;
        var dates = new List<DateOnly>();
        for (var split = 1; split < digits.Length && split <= 2; split++)
        {
            var month = int.Parse(digits[..split], System.Globalization.CultureInfo.InvariantCulture);
            var day = int.Parse(digits[split..], System.Globalization.CultureInfo.InvariantCulture);
            if (digits[split] != '0' || digits.Length - split == 2)
            {
                if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && digits[0] != '0')
                {
                    dates.Add(new DateOnly(year, month, day));
                }
            }
        }

        return dates.Count == 1 ? dates[0] : null;
    }

    public static DateOnly? ParseStandaloneDate(string normalizedTrimmed)
    {
        var m = StandaloneDateRegex().Match(normalizedTrimmed);
        if (!m.Success)
        {
            return null;
        }

        var year = DeadlineParser.Year(m.Groups[1].Value);
        var month = Number(m.Groups[2].Value);
        var day = Number(m.Groups[3].Value);
        if (year is null || month is not (>= 1 and <= 12) || day is null || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value))
        {
            return null;
        }

        return new DateOnly(year.Value, month.Value, day.Value);
    }

    public static bool IsIssuer(string normalizedTrimmed) =>
        normalizedTrimmed.Length <= 32 && IssuerRegex().IsMatch(normalizedTrimmed);

    public static bool IsTitleStart(string normalizedTrimmed) =>
        normalizedTrimmed.Length <= 90 && normalizedTrimmed.Contains("关于", StringComparison.Ordinal)
        && !normalizedTrimmed.EndsWith(':');

    public static bool IsTitleEnd(string normalizedJoined) =>
        normalizedJoined.EndsWith("通知", StringComparison.Ordinal) || normalizedJoined.EndsWith("意见", StringComparison.Ordinal)
        || normalizedJoined.EndsWith("决定", StringComparison.Ordinal) || normalizedJoined.EndsWith("方案", StringComparison.Ordinal)
        || normalizedJoined.EndsWith("函", StringComparison.Ordinal) || normalizedJoined.EndsWith("通报", StringComparison.Ordinal)
        || normalizedJoined.EndsWith("批复", StringComparison.Ordinal);

    public static int? YearIn(string normalized)
    {
        foreach (Match m in YearRegex().Matches(normalized))
        {
            if (DeadlineParser.Year(m.Groups[1].Value) is { } year)
            {
                return year;
            }
        }

        return null;
    }

    /// <summary>Finds the reporting rule in a sentence ("各牵头单位每月底收集汇总…并报区营商办" → monthly, month-end, 区营商办).</summary>
    public static ReportingRule? FindReporting(IEnumerable<string> printedParagraphs)
    {
        foreach (var paragraph in printedParagraphs)
        {
            var normalized = TextNormalizer.Normalize(paragraph);
            var from = 0;
            for (var i = 0; i <= normalized.Length; i++)
            {
                if (i < normalized.Length && !"。;!?".Contains(normalized[i]))
                {
                    continue;
                }

                var start = from;
                var sentence = normalized[start..i];
                var sentencePrinted = paragraph[start..Math.Min(paragraph.Length, i + 1)];
                from = i + 1;
                if (!(sentence.Contains('报') || sentence.Contains("汇总", StringComparison.Ordinal)))
                {
                    continue;
                }

                var (cadence, dueRule) = Cadence(sentence);
                if (cadence is null)
                {
                    continue;
                }

                var reportTo = ReportToRegex().Match(sentence);
                return new ReportingRule
                {
                    Cadence = cadence,
                    DueRule = dueRule!,
                    ReportTo = reportTo.Success ? paragraph.Substring(start + reportTo.Groups[1].Index, reportTo.Groups[1].Length) : null,
                    SourceText = TextNormalizer.CleanWhitespace(sentencePrinted),
                };
            }
        }

        return null;
    }

    private static (string? Cadence, string? DueRule) Cadence(string sentence)
    {
        var dayMatch = Regex.Match(sentence, @"每月\s*(\d{1,2})\s*日(?:前|之前|以前)?");
        if (dayMatch.Success)
        {
            return ("monthly", dayMatch.Value[2..].Trim());
        }

        if (sentence.Contains("每月底", StringComparison.Ordinal) || sentence.Contains("每月末", StringComparison.Ordinal)
            || sentence.Contains("月底前", StringComparison.Ordinal) || sentence.Contains("每月月底", StringComparison.Ordinal))
        {
            return ("monthly", "month-end");
        }

        if (sentence.Contains("每季度", StringComparison.Ordinal) || sentence.Contains("季度末", StringComparison.Ordinal)
            || sentence.Contains("按季度", StringComparison.Ordinal))
        {
            var quarterDay = Regex.Match(sentence, @"季度(?:结束后|首月)\s*(\d{1,2})\s*(?:个工作日|日)(?:内|前)?");
            return ("quarterly", quarterDay.Success ? quarterDay.Value : "quarter-end");
        }

        if (sentence.Contains("每半年", StringComparison.Ordinal))
        {
            return ("semiannual", "half-year-end");
        }

        if (sentence.Contains("每周", StringComparison.Ordinal))
        {
            return ("weekly", "week-end");
        }

        if (sentence.Contains("每月", StringComparison.Ordinal) || sentence.Contains("按月", StringComparison.Ordinal))
        {
            return ("monthly", "month-end");
        }

        return (null, null);
    }

    public static Contact? FindContact(IEnumerable<string> printedParagraphs)
    {
        foreach (var paragraph in printedParagraphs)
        {
            var normalized = TextNormalizer.Normalize(paragraph);
            var name = ContactNameRegex().Match(normalized);
            if (!name.Success)
            {
                continue;
            }

            var tail = normalized[name.Index..];
            var phone = PhoneRegex().Match(tail);
            var email = EmailRegex().Match(tail);
            return new Contact
            {
                Name = paragraph.Substring(name.Groups[1].Index, name.Groups[1].Length),
                Phone = phone.Success ? phone.Groups[1].Value.Trim() : null,
                Email = email.Success ? email.Value : null,
            };
        }

        return null;
    }

    private static int? Number(string text) =>
        char.IsAsciiDigit(text[0]) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : ChineseNumerals.Parse(text);
}
