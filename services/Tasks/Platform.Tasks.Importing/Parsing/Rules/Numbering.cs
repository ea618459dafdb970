using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Tasks.Importing.Parsing;

internal static partial class Numbering
{
    [GeneratedRegex(@"^\s*([一二三四五六七八九十百]{1,4})\s*[、.]\s*")]
    private static partial Regex ChineseCommaRegex();

    [GeneratedRegex(@"^\s*\(\s*([一二三四五六七八九十百]{1,4})\s*\)\s*")]
    private static partial Regex ChineseParenRegex();

    // "1.5天" is a number, not item 1; "3.2024年…" and "1.6月底前…" are items followed by a year or a month.
    [GeneratedRegex(@"^\s*(\d{1,3})\s*(?:[、]|\.(?!\d)|\.(?=\d{4}\s*年|\d{1,2}\s*月))\s*")]
    private static partial Regex ArabicRegex();

    [GeneratedRegex(@"^\s*\(\s*(\d{1,3})\s*\)\s*")]
    private static partial Regex ArabicParenRegex();

    [GeneratedRegex(@"^\s*([\u2460-\u2473])\s*")]
    private static partial Regex CircledRegex();

    [GeneratedRegex(@"^\s*([\u2474-\u2487])\s*")]
    private static partial Regex ParenthesizedDigitRegex();

    /// <summary>Recognises a numbering prefix in normalised text (half-width brackets and digits).</summary>
    public static NumberingMatch? Match(string normalized)
    {
        var m = ChineseCommaRegex().Match(normalized);
        if (m.Success && ChineseNumerals.Parse(m.Groups[1].Value) is { } chineseValue)
        {
            return new NumberingMatch(NumberingStyle.ChineseComma, chineseValue, m.Groups[1].Value, m.Length);
        }

        m = ChineseParenRegex().Match(normalized);
        if (m.Success && ChineseNumerals.Parse(m.Groups[1].Value) is { } parenValue)
        {
            return new NumberingMatch(NumberingStyle.ChineseParen, parenValue, m.Groups[1].Value, m.Length);
        }

        m = ArabicRegex().Match(normalized);
        if (m.Success)
        {
            return Numbered(NumberingStyle.Arabic, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m);
        }

        m = ArabicParenRegex().Match(normalized);
        if (m.Success)
        {
            return Numbered(NumberingStyle.ArabicParen, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m);
        }

        m = CircledRegex().Match(normalized);
        if (m.Success)
        {
            return Numbered(NumberingStyle.Circled, m.Groups[1].Value[0] - '\u2460' + 1, m);
        }

        m = ParenthesizedDigitRegex().Match(normalized);
        if (m.Success)
        {
            return Numbered(NumberingStyle.ArabicParen, m.Groups[1].Value[0] - '\u2474' + 1, m);
        }

        return null;
    }

    /// <summary>A number printed in digits (or circled): its value, printed again in digits.</summary>
    private static NumberingMatch Numbered(NumberingStyle style, int value, Match m) =>
        new(style, value, value.ToString(CultureInfo.InvariantCulture), m.Length);
}
