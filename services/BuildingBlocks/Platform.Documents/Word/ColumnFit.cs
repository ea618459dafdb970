namespace Platform.Documents.Word;

/// <summary>
/// Column widths computed from a table's content, so that a number or a light never wraps, a name wraps only past its
/// cap and the long texts share the rest of the line — rather than fixed shares that squeeze a unit's name into a
/// column one character wide.
/// </summary>
public static class ColumnFit
{
    /// <summary>One character cell of slack per column: fonts differ a little from the nominal em.</summary>
    private const int SlackCells = 1;

    /// <summary>
    /// The width of each column in twips for a table <paramref name="availableTwips"/> wide, or null when the
    /// <see cref="ColumnSizing.Fill"/> columns would get less than their minimum (the table needs a wider page).
    /// </summary>
    /// <param name="columns">The columns, in order.</param>
    /// <param name="rows">The cell texts, one array per row, in column order.</param>
    /// <param name="availableTwips">The width the table may take.</param>
    /// <param name="fontHalfPoints">The table's font size in half-points (五号 = 21).</param>
    /// <param name="paddingTwips">A cell's left plus right margin.</param>
    public static int[]? Widths(
        IReadOnlyList<TableColumn> columns,
        IEnumerable<IReadOnlyList<string>> rows,
        int availableTwips,
        int fontHalfPoints,
        int paddingTwips)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var cellTwips = fontHalfPoints * 5;
        var entries = columns.Select(_ => new List<int>()).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count && i < row.Count; i++)
            {
                entries[i].Add(TextWidth.Of(row[i]));
            }
        }

        var natural = columns.Select((c, i) => entries[i].Append(TextWidth.Of(c.Header)).Max()).ToArray();

        int Twips(int cells) => (cells + SlackCells) * cellTwips + paddingTwips;
        var widths = new int[columns.Count];
        var fill = new List<int>();
        for (var i = 0; i < columns.Count; i++)
        {
            var header = TextWidth.Of(columns[i].Header);
            switch (columns[i].Sizing)
            {
                case ColumnSizing.Fit:
                    widths[i] = Twips(natural[i]);
                    break;
                case ColumnSizing.Capped:
                    widths[i] = Twips(Capped(entries[i], header, columns[i].Cells));
                    break;
                default:
                    widths[i] = Twips(Math.Max(header, Math.Min(natural[i], columns[i].Cells)));
                    fill.Add(i);
                    break;
            }
        }

        var extra = availableTwips - widths.Sum();
        if (extra < 0)
        {
            return null;
        }

        if (fill.Count == 0)
        {
            // No long text: a capped name unwraps when the line has room for it, then every column gets its share
            // of what is left so the table spans the line. Without that room the names keep the width chosen for
            // their wrapping and only the other columns widen.
            var capped = Enumerable.Range(0, columns.Count)
                .Where(i => columns[i].Sizing == ColumnSizing.Capped)
                .ToList();
            var unwrap = capped.Sum(i => Math.Max(0, Twips(natural[i]) - widths[i]));
            var grow = Enumerable.Range(0, columns.Count).ToList();
            if (unwrap <= extra)
            {
                capped.ForEach(i => widths[i] = Math.Max(widths[i], Twips(natural[i])));
                extra -= unwrap;
            }
            else
            {
                grow = grow.Except(capped).ToList();
            }

            Spread(widths, grow.Count == 0 ? capped : grow, i => widths[i], extra);
            return widths;
        }

        var demand = fill.ToDictionary(i => i, i => Math.Max(0, Twips(natural[i]) - widths[i]));
        var wanted = demand.Values.Sum();
        if (wanted >= extra)
        {
            Spread(widths, fill, i => demand[i], extra);
        }
        else
        {
            foreach (var i in fill)
            {
                widths[i] += demand[i];
            }

            Spread(widths, fill, i => widths[i], extra - wanted);
        }

        return widths;
    }

    /// <summary>
    /// The width of a column of <paramref name="entries"/> (their widths in cells) capped at <paramref name="cap"/>:
    /// the widest entry when it fits, else — never narrower than the widest entry within the cap, so only the longer
    /// ones wrap — the even width up to the cap that leaves no wrapped entry a lone character on its last line
    /// (工程建设项目审 / 批), then wraps into the fewest lines, then wraps the fewest entries, then is the widest.
    /// </summary>
    public static int Capped(IReadOnlyCollection<int> entries, int header, int cap)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var widest = entries.DefaultIfEmpty(0).Max();
        if (widest <= cap || cap <= header)
        {
            return Math.Max(header, Math.Min(widest, Math.Max(cap, header)));
        }

        var least = Math.Max(header, entries.Where(e => e <= cap).DefaultIfEmpty(2).Max());
        var best = cap;
        (int Orphans, int Lines, int Wrapped) bestScore = (int.MaxValue, int.MaxValue, int.MaxValue);
        for (var width = cap - (cap % 2); width >= least; width -= 2)
        {
            var wrapped = entries.Where(e => e > width).ToList();
            var score = (
                wrapped.Count(e => e % width is > 0 and < 4),
                entries.Max(e => (e + width - 1) / width),
                wrapped.Count);
            if (score.CompareTo(bestScore) < 0)
            {
                (best, bestScore) = (width, score);
            }
        }

        return best;
    }

    /// <summary>
    /// Adds <paramref name="extra"/> to the columns in proportion to their weight, rounding to the last.
    /// </summary>
    private static void Spread(int[] widths, IReadOnlyList<int> columns, Func<int, int> weight, int extra)
    {
        var weights = columns.Select(weight).ToArray();
        long total = weights.Sum();
        var given = 0;
        for (var k = 0; k < columns.Count; k++)
        {
            var share = k == columns.Count - 1 ? extra - given
                : total == 0 ? extra / columns.Count
                : (int)(extra * (long)weights[k] / total);
            widths[columns[k]] += share;
            given += share;
        }
    }
}
