namespace Platform.Reporting.Domain;

public static class PeriodKey
{
    public static string Format(int year, int month) => $"{year:D4}-{month:D2}";

    public static bool TryParse(string? value, out int year, out int month)
    {
        year = month = 0;
        return value is { Length: 7 } && value[4] == '-' &&
               int.TryParse(value.AsSpan(0, 4), out year) && int.TryParse(value.AsSpan(5, 2), out month) &&
               year is >= 2000 and <= 2100 && month is >= 1 and <= 12;
    }
}
