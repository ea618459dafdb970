using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Reads the notice that carries a list: its title (关于印发…的通知), doc number, issue date (also with month and day run
/// together), issuer, reporting rule and contact, and where the notice ends and the list begins.
/// </summary>
internal static partial class NoticeReader
{
    [GeneratedRegex(@"[\u4e00-\u9fa5]{1,14}\s*[\[(]\s*(\d{4})?\s*[\])]\s*\d{1,4}\s*号")]
    public static partial Regex DocNumberRegex();

    [GeneratedRegex(
        @"^\(?\s*(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
        + @"\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:印发|发布)?\s*\)?$")]
    private static partial Regex StandaloneDateRegex();

    [GeneratedRegex(@"^[\u4e00-\u9fa5()]{2,30}(人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|领导小组|指挥部|局|委)$")]
    private static partial Regex IssuerRegex();

    [GeneratedRegex(@"联系人\s*[:]?\s*([\u4e00-\u9fa5·]{2,6}?)(?=\s*[,;。)]|\s*联系|\s*电话|\s*$|\s+)")]
    private static partial Regex ContactNameRegex();

    [GeneratedRegex(@"(?:联系电话|电话|手机|座机)\s*[:]?\s*(\(?\d[\d\-\s()]{5,18}\d)")]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(
        @"(?:并|及时|按时|统一|定期)?报(?:送|告)?(?:至|给)?\s*"
        + @"([\u4e00-\u9fa5]{2,16}?(?:办公室|领导小组|办|委|局|室|组|中心|政府|部))(?=[,;。、\s)]|$)")]
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
        return DeadlineParser.Date(year, month, day);
    }

    public static bool IsIssuer(string normalizedTrimmed) =>
        normalizedTrimmed.Length <= 32 && IssuerRegex().IsMatch(normalizedTrimmed);

    public static bool IsTitleStart(string normalizedTrimmed) =>
        normalizedTrimmed.Length <= 90 && normalizedTrimmed.Contains("关于", StringComparison.Ordinal)
        && !normalizedTrimmed.EndsWith(':');

    private static readonly string[] TitleEnds = ["通知", "意见", "决定", "方案", "函", "通报", "批复"];

    public static bool IsTitleEnd(string normalizedJoined) =>
        TitleEnds.Any(end => normalizedJoined.EndsWith(end, StringComparison.Ordinal));

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
                    ReportTo = reportTo.Success
                        ? paragraph.Substring(start + reportTo.Groups[1].Index, reportTo.Groups[1].Length)
                        : null,
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
            || sentence.Contains("月底前", StringComparison.Ordinal)
            || sentence.Contains("每月月底", StringComparison.Ordinal))
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
        char.IsAsciiDigit(text[0])
            ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : ChineseNumerals.Parse(text);

    /// <summary>
    /// The notice at the head of the blocks; the blocks it takes are added to <paramref name="consumed"/>, and the
    /// list's year is set on <paramref name="list"/>. The list starts at NoticeEnd (0 when there is no notice).
    /// </summary>
    public static (Notice Notice, int NoticeEnd) Read(
        IReadOnlyList<Block> lines,
        HashSet<int> consumed,
        ListBuilder list)
    {
        string? docNumber = null;
        string? issuer = null;
        string? title = null;
        DateOnly? issuedOn = null;
        var titleIndex = -1;
        var dateIndex = -1;
        var head = Math.Min(lines.Count, 60);

        for (var i = 0; i < head && title is null; i++)
        {
            var line = lines[i];
            if (line.IsBlank || line.Cells is not null || line.Numbering is not null || !IsTitleStart(line.TrimmedNorm))
            {
                continue;
            }

            var joined = line.Trimmed;
            var used = new List<int> { i };
            for (var j = i + 1; j < head && used.Count < 5 && !IsTitleEnd(TextNormalizer.Normalize(joined)); j++)
            {
                if (lines[j].IsBlank)
                {
                    continue;
                }

                if (lines[j].Numbering is not null
                    || lines[j].Trimmed.Length > 40
                    || lines[j].TrimmedNorm.EndsWith(':'))
                {
                    break;
                }

                joined = TextNormalizer.JoinContinuation(joined, lines[j].Trimmed);
                used.Add(j);
            }

            if (!IsTitleEnd(TextNormalizer.Normalize(joined)))
            {
                joined = line.Trimmed;
                used = [i];
            }

            title = TextNormalizer.CleanWhitespace(joined);
            titleIndex = i;
            consumed.UnionWith(used);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank && lines[i].Cells is null && ParseStandaloneDate(lines[i].TrimmedNorm) is { } date)
            {
                issuedOn = date;
                dateIndex = i;
                consumed.Add(i);
                break;
            }
        }

        if (issuedOn is null)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (!lines[i].IsBlank
                    && lines[i].Cells is null
                    && ParseDamagedDate(lines[i].TrimmedNorm) is { } damaged)
                {
                    issuedOn = damaged;
                    dateIndex = i;
                    consumed.Add(i);
                    list.Warn(
                        "notice-date-damaged",
                        $"发文日期“{lines[i].Trimmed}”缺少年月分隔，读作 {damaged:yyyy年M月d日}，请核对 (date with its month and day run "
                        + $"together: read as {damaged:yyyy-MM-dd})",
                        lines[i]);
                    break;
                }
            }
        }

        for (var i = 0; i < head; i++)
        {
            if (lines[i].IsBlank || lines[i].Cells is not null || consumed.Contains(i))
            {
                continue;
            }

            var m = DocNumberRegex().Match(lines[i].TrimmedNorm);
            if (m.Success)
            {
                docNumber = TextNormalizer.CleanWhitespace(lines[i].Trimmed.Substring(m.Index, m.Length));
                if (m.Length == lines[i].TrimmedNorm.Length)
                {
                    consumed.Add(i);
                }

                break;
            }
        }

        // The issuer signs above the date; else it heads the document.
        var signature = dateIndex > 0 ? PreviousNonBlank(lines, dateIndex) : -1;
        if (signature >= 0 && IsIssuer(lines[signature].TrimmedNorm))
        {
            issuer = lines[signature].Trimmed;
        }
        else
        {
            var limit = titleIndex >= 0 ? titleIndex : Math.Min(lines.Count, 8);
            for (var i = 0; i < limit; i++)
            {
                if (!lines[i].IsBlank && !consumed.Contains(i) && IsIssuer(lines[i].TrimmedNorm))
                {
                    issuer = lines[i].Trimmed;
                    break;
                }
            }
        }

        if (issuer is not null)
        {
            var issuerNorm = TextNormalizer.Normalize(issuer);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].TrimmedNorm == issuerNorm && (i < head || i == signature))
                {
                    consumed.Add(i);
                }
            }
        }

        list.ListYear = (title is not null ? YearIn(TextNormalizer.Normalize(title)) : null)
            ?? (docNumber is not null ? YearIn(TextNormalizer.Normalize(docNumber) + "年") : null)
            ?? issuedOn?.Year
            ?? lines.Take(30).Select(l => YearIn(l.Norm)).FirstOrDefault(y => y is not null);

        // The notice's own numbered points ("一、强化责任落实") end at its date; the list follows.
        var noticeEnd = titleIndex >= 0 && dateIndex > titleIndex ? dateIndex + 1 : 0;
        var notice = new Notice { DocNumber = docNumber, Issuer = issuer, IssuedOn = issuedOn, Title = title };
        return (notice, noticeEnd);
    }

    private static int PreviousNonBlank(IReadOnlyList<Block> lines, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!lines[i].IsBlank)
            {
                return i;
            }
        }

        return -1;
    }
}
