namespace Platform.Tasks.Importing.Parsing;

/// <summary>The notice: title, doc number, issue date, issuer; where the notice ends and the list begins.</summary>
internal sealed partial class TaskListParser
{
    private (Notice Notice, int NoticeEnd) ReadNotice()
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
            if (line.IsBlank || line.Cells is not null || line.Numbering is not null || !NoticeParser.IsTitleStart(line.TrimmedNorm))
            {
                continue;
            }

            var joined = line.Trimmed;
            var used = new List<int> { i };
            for (var j = i + 1; j < head && used.Count < 5 && !NoticeParser.IsTitleEnd(TextNormalizer.Normalize(joined)); j++)
            {
                if (lines[j].IsBlank)
                {
                    continue;
                }

                if (lines[j].Numbering is not null || lines[j].Trimmed.Length > 40 || lines[j].TrimmedNorm.EndsWith(':'))
                {
                    break;
                }

                joined = TextNormalizer.JoinContinuation(joined, lines[j].Trimmed);
                used.Add(j);
            }

            if (!NoticeParser.IsTitleEnd(TextNormalizer.Normalize(joined)))
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
            if (!lines[i].IsBlank && lines[i].Cells is null && NoticeParser.ParseStandaloneDate(lines[i].TrimmedNorm) is { } date)
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
                if (!lines[i].IsBlank && lines[i].Cells is null && NoticeParser.ParseDamagedDate(lines[i].TrimmedNorm) is { } damaged)
                {
                    issuedOn = damaged;
                    dateIndex = i;
                    consumed.Add(i);
                    Warn("notice-date-damaged", $"发文日期“{lines[i].Trimmed}”缺少年月分隔，读作 {damaged:yyyy年M月d日}，请核对 (date with its month and day run together: read as {damaged:yyyy-MM-dd})", lines[i]);
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

            var m = NoticeParser.DocNumberRegex().Match(lines[i].TrimmedNorm);
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
        var signature = dateIndex > 0 ? PreviousNonBlank(dateIndex) : -1;
        if (signature >= 0 && NoticeParser.IsIssuer(lines[signature].TrimmedNorm))
        {
            issuer = lines[signature].Trimmed;
        }
        else
        {
            var limit = titleIndex >= 0 ? titleIndex : Math.Min(lines.Count, 8);
            for (var i = 0; i < limit; i++)
            {
                if (!lines[i].IsBlank && !consumed.Contains(i) && NoticeParser.IsIssuer(lines[i].TrimmedNorm))
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

        listYear = (title is not null ? NoticeParser.YearIn(TextNormalizer.Normalize(title)) : null)
            ?? (docNumber is not null ? NoticeParser.YearIn(TextNormalizer.Normalize(docNumber) + "年") : null)
            ?? issuedOn?.Year
            ?? lines.Take(30).Select(l => NoticeParser.YearIn(l.Norm)).FirstOrDefault(y => y is not null);

        // The notice's own numbered points ("一、强化责任落实") end at its date; the list follows.
        var noticeEnd = titleIndex >= 0 && dateIndex > titleIndex ? dateIndex + 1 : 0;
        var notice = new Notice { DocNumber = docNumber, Issuer = issuer, IssuedOn = issuedOn, Title = title };
        return (notice, noticeEnd);
    }

    private int PreviousNonBlank(int index)
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
