using System.Globalization;

namespace Platform.Documents.Sheets;

/// <summary>
/// Column widths and row heights estimated from the text, the way a person would set them: every column as wide as
/// its widest cell (Chinese counting double), long columns capped so they wrap, the whole table narrowed to a page's
/// width, and each row as tall as its most wrapped cell (LibreOffice does not grow row heights on opening a file).
/// </summary>
public static class SheetLayout
{
    /// <summary>The room a cell's borders and margins take, in character cells.</summary>
    public const int Padding = 2;

    /// <summary>
    /// Narrowing a long column to fit the page stops here, so its text still reads as lines, not a strip.
    /// </summary>
    public const int NarrowestLongColumn = 14;

    /// <summary>
    /// The width of each column, in character cells: as wide as its widest text within its bounds, then, while the
    /// table is wider than <see cref="SheetContent.PageWidth"/>, one cell off the column whose narrowing adds the
    /// fewest printed lines to the table (a short-text column gives before the one whose paragraphs make rows tall).
    /// </summary>
    public static int[] Widths(SheetContent sheet)
    {
        var count = sheet.Columns.Count;
        var texts = new string[count][];
        var widths = new int[count];
        var floors = new int[count];
        for (var c = 0; c < count; c++)
        {
            var column = sheet.Columns[c];
            texts[c] = [column.Header, .. sheet.Rows.Select(r => c < r.Count ? r[c].Text : string.Empty)];
            var widest = texts[c].Skip(1).Select(t => TextWidth.Of(t) + Padding).Append(TextWidth.Of(column.Header))
                .Max();
            widths[c] = Math.Clamp(widest, column.MinWidth, Math.Max(column.MinWidth, column.MaxWidth));
            floors[c] = Math.Max(column.MinWidth, Math.Min(widths[c], NarrowestLongColumn));
        }

        if (widths.Sum() <= sheet.PageWidth)
        {
            return widths;
        }

        var lines = Enumerable.Range(0, count)
            .Select(c => texts[c].Select(t => Lines(t, widths[c])).ToArray())
            .ToArray();
        var tallest = Enumerable.Range(0, texts[0].Length).Select(r => lines.Max(l => l[r])).ToArray();
        var narrower = new int[]?[count];
        while (widths.Sum() > sheet.PageWidth)
        {
            var best = -1;
            var bestCost = int.MaxValue;
            for (var c = 0; c < count; c++)
            {
                if (widths[c] <= floors[c])
                {
                    continue;
                }

                narrower[c] ??= texts[c].Select(t => Lines(t, widths[c] - 1)).ToArray();
                var cost = narrower[c]!.Select((n, r) => Math.Max(0, n - tallest[r])).Sum();
                if (cost < bestCost || (cost == bestCost && widths[c] > widths[best]))
                {
                    (best, bestCost) = (c, cost);
                }
            }

            if (best < 0)
            {
                break;
            }

            widths[best]--;
            lines[best] = narrower[best]!;
            narrower[best] = null;
            for (var r = 0; r < tallest.Length; r++)
            {
                tallest[r] = Math.Max(tallest[r], lines[best][r]);
            }
        }

        return widths;
    }

    /// <summary>
    /// How many lines <paramref name="text"/> takes in a column <paramref name="width"/> cells wide: its own lines,
    /// each broken where the next character would not fit (Chinese breaks between any two characters).
    /// </summary>
    public static int Lines(string text, int width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        // A column n cells wide holds n/2 Chinese characters in Song (the office's font, whose digits are half a
        // Chinese character wide); LibreOffice with other fonts fits a few more, so the estimate errs on the roomy
        // side: a row a line too tall, never a line cut off.
        var room = Math.Max(2, width);
        var lines = 0;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lines++;
            var used = 0;
            var elements = StringInfo.GetTextElementEnumerator(line);
            while (elements.MoveNext())
            {
                var cells = TextWidth.Element((string)elements.Current);
                if (used + cells > room)
                {
                    lines++;
                    used = 0;
                }

                used += cells;
            }
        }

        return lines;
    }

    /// <summary>The height of a row, in points, to show every line of its most wrapped cell.</summary>
    public static double Height(IEnumerable<string> cells, IReadOnlyList<int> widths)
    {
        var lines = cells.Select((text, c) => c < widths.Count ? Lines(text, widths[c]) : 1).DefaultIfEmpty(1).Max();
        return (lines * SheetStyles.LineHeight) + 4;
    }
}
