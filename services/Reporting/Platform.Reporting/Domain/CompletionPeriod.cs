using System.Globalization;

namespace Platform.Reporting.Domain;

/// <summary>
/// The period key of a year's completion report ("2023-YE"): its audit rows and its evidence files carry it, apart
/// from the monthly periods ("2023-07") of the same year.
/// </summary>
public static class CompletionPeriod
{
    private const string Suffix = "-YE";

    public static string Of(int year) => year.ToString("D4", CultureInfo.InvariantCulture) + Suffix;

    /// <summary>The year of "2023-YE"; false (and 0) for anything else, a year outside 2000 to 2100 included.</summary>
    public static bool TryParse(string? value, out int year)
    {
        year = value is { Length: 7 } && value.EndsWith(Suffix, StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            && parsed is >= 2000 and <= 2100
                ? parsed
                : 0;
        return year != 0;
    }
}
