using System.Text;

namespace Platform.Cli.Output;

/// <summary>Terminal column widths: CJK and full-width characters take two columns.</summary>
public static class DisplayWidth
{
    public static int Of(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60')
            or (>= '\uFFE0' and <= '\uFFE6') or '“' or '”' or '—' or '…'
            ? 2
            : 1;

    public static int Of(string text) => text.Sum(Of);

    public static string PadRight(string text, int width) => text + new string(' ', Math.Max(0, width - Of(text)));

    public static string Truncate(string text, int width)
    {
        if (Of(text) <= width)
        {
            return text;
        }

        var builder = new StringBuilder();
        var used = 0;
        foreach (var c in text)
        {
            if (used + Of(c) > width - 1)
            {
                break;
            }

            builder.Append(c);
            used += Of(c);
        }

        return builder.Append('…').ToString();
    }
}
