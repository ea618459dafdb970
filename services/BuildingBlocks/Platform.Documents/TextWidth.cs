using System.Globalization;
using System.Text;

namespace Platform.Documents;

/// <summary>
/// How wide a text prints, in Latin character cells: a Chinese (or other full-width) character takes two cells, a
/// Latin letter, digit or space one. Sheets and tables size their columns from it.
/// </summary>
public static class TextWidth
{
    /// <summary>The widest line of <paramref name="text"/>, in character cells.</summary>
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var widest = 0;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            widest = Math.Max(widest, Line(line));
        }

        return widest;
    }

    /// <summary>The width of one line: full-width characters count two, everything else one.</summary>
    public static int Line(string line)
    {
        var width = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(line);
        while (enumerator.MoveNext())
        {
            width += Element((string)enumerator.Current);
        }

        return width;
    }

    /// <summary>
    /// The cells of one text element (a character with its combining marks): 2 when it is full-width, else 1. A lone
    /// surrogate, which no writer prints (<see cref="XmlText"/> drops it), is one cell rather than an error.
    /// </summary>
    public static int Element(string element) =>
        Rune.TryGetRuneAt(element, 0, out var rune) && IsWide(rune.Value) ? 2 : 1;

    /// <summary>
    /// The East Asian wide and full-width ranges that occur in government documents: CJK ideographs and their
    /// extensions, CJK punctuation, kana, Hangul and the full-width forms (，。：；（）).
    /// </summary>
    public static bool IsWide(int codePoint) => codePoint switch
    {
        >= 0x1100 and <= 0x115F => true,
        >= 0x2E80 and <= 0x303E => true,
        >= 0x3041 and <= 0x33FF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0xA000 and <= 0xA4CF => true,
        >= 0xAC00 and <= 0xD7A3 => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0xFE30 and <= 0xFE4F => true,
        >= 0xFF00 and <= 0xFF60 => true,
        >= 0xFFE0 and <= 0xFFE6 => true,
        >= 0x20000 and <= 0x3FFFD => true,
        _ => false,
    };
}
