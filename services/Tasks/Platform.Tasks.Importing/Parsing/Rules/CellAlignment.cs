using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A table row that lost a cell (an empty cell left out when the table was flattened) is put back in shape: the missing
/// cells go where the row's cells fit their columns best — a number under 序号, a deadline under 完成时限, unit names
/// under the unit columns, prose under the task — so one empty cell does not shift the rest of the row.
/// </summary>
internal static partial class CellAlignment
{
    [GeneratedRegex(@"^\D{0,2}\d{1,3}\D{0,2}$")]
    private static partial Regex NumberCellRegex();

    /// <summary>
    /// The cells padded with empty ones to the header's width, or null when more than two are missing.
    /// </summary>
    public static (string[] Printed, string[] Norm)? Align(
        IReadOnlyList<string> printed,
        IReadOnlyList<string> norm,
        IReadOnlyList<ColumnRole> roles)
    {
        var missing = roles.Count - norm.Count;
        if (missing is < 1 or > 2)
        {
            return null;
        }

        int[]? best = null;
        var bestScore = int.MinValue;
        foreach (var gaps in Gaps(roles.Count, missing))
        {
            var score = 0;
            var k = 0;
            for (var c = 0; c < roles.Count; c++)
            {
                if (!gaps.Contains(c))
                {
                    score += Fit(norm[k++].Trim(), roles[c]);
                }
            }

            // Ties: the later gap (a row more often lacks its last cells).
            if (score >= bestScore)
            {
                bestScore = score;
                best = gaps;
            }
        }

        var p = new string[roles.Count];
        var n = new string[roles.Count];
        var i = 0;
        for (var c = 0; c < roles.Count; c++)
        {
            if (best!.Contains(c))
            {
                p[c] = n[c] = "";
            }
            else
            {
                p[c] = printed[i];
                n[c] = norm[i++];
            }
        }

        return (p, n);
    }

    private static IEnumerable<int[]> Gaps(int columns, int missing)
    {
        for (var a = 0; a < columns; a++)
        {
            if (missing == 1)
            {
                yield return [a];
                continue;
            }

            for (var b = a + 1; b < columns; b++)
            {
                yield return [a, b];
            }
        }
    }

    private static int Fit(string cell, ColumnRole role)
    {
        if (cell.Length == 0)
        {
            return 0;
        }

        var isNumber = NumberCellRegex().IsMatch(cell);
        var isDeadline = !isNumber && cell.Length <= 20 && DeadlineParser.ParseCell(cell, cell, 2000) is not null;
        var names = UnitAnnotationParser.SplitNames(cell, cell);
        var isUnits = !isNumber
            && !isDeadline
            && names.Count > 0
            && names.All(n => n.Length <= 20 && UnitAnnotationParser.LooksLikeUnit(n));
        return role switch
        {
            ColumnRole.Number => isNumber ? 3 : -3,
            ColumnRole.Deadline => isDeadline ? 3 : -2,
            ColumnRole.Lead or ColumnRole.Responsible => isUnits ? 3 : -2,
            ColumnRole.Leader => cell.Length <= 12 && !isUnits && !isDeadline ? 1 : -1,
            ColumnRole.Text or ColumnRole.Context => isNumber || isDeadline || isUnits ? -2 : 1,
            _ => isNumber ? -1 : 0,
        };
    }
}
