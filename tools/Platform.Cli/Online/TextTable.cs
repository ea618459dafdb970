using System.Text;

namespace Platform.Cli.Online;

/// <summary>A plain terminal table that lines up Chinese text (two columns per wide character).</summary>
public static class TextTable
{
    public static string Render(
        IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int maxCell = 40)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows.Select(r => r.Select(c => Truncate(c.ReplaceLineEndings(" "), maxCell)).ToList()));
        var widths = Enumerable.Range(0, headers.Count)
            .Select(i => all.Max(r => Width(i < r.Count ? r[i] : string.Empty)))
            .ToArray();
        var builder = new StringBuilder();
        for (var row = 0; row < all.Count; row++)
        {
            for (var i = 0; i < headers.Count; i++)
            {
                var cell = i < all[row].Count ? all[row][i] : string.Empty;
                builder.Append(cell).Append(' ', widths[i] - Width(cell) + (i < headers.Count - 1 ? 2 : 0));
            }

            builder.AppendLine();
            if (row == 0)
            {
                builder.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }

        return builder.ToString();
    }

    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static string Truncate(string text, int max)
    {
        if (Width(text) <= max)
        {
            return text;
        }

        var builder = new StringBuilder();
        var width = 0;
        foreach (var element in text.EnumerateRunes())
        {
            var w = IsWide(element.Value) ? 2 : 1;
            if (width + w > max - 1)
            {
                break;
            }

            builder.Append(element.ToString());
            width += w;
        }

        return builder.Append('…').ToString();
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000 and <= 0x3FFFD;
}
