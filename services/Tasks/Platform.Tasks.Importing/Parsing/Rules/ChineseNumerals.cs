namespace Platform.Tasks.Importing.Parsing;

internal static class ChineseNumerals
{
    public const string Digits = "〇零○Ｏ一二两三四五六七八九十百";

    public static bool IsNumeral(char c) => Digits.Contains(c);

    /// <summary>"十二" → 12, "二十八" → 28, "一百零三" → 103; digit by digit for years ("二〇二三" → 2023).</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains('十') && !text.Contains('百'))
        {
            var digitByDigit = 0;
            foreach (var c in text)
            {
                var d = DigitValue(c);
                if (d is null)
                {
                    return null;
                }

                digitByDigit = (digitByDigit * 10) + d.Value;
            }

            return digitByDigit;
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '百':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    break;
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                default:
                    var d = DigitValue(c);
                    if (d is null)
                    {
                        return null;
                    }

                    current = d.Value;
                    break;
            }
        }

        return total + current;
    }

    /// <summary>1 → "一", 12 → "十二", 28 → "二十八" (up to 99; larger numbers stay Arabic).</summary>
    public static string Format(int value)
    {
        const string digits = "〇一二三四五六七八九";
        if (value is < 1 or > 99)
        {
            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (value < 10)
        {
            return digits[value].ToString();
        }

        var tens = value / 10;
        var units = value % 10;
        return (tens == 1 ? "" : digits[tens].ToString()) + "十" + (units == 0 ? "" : digits[units].ToString());
    }

    private static int? DigitValue(char c) => c switch
    {
        '〇' or '零' or '○' or 'Ｏ' or 'O' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => null,
    };
}
