using System.Diagnostics.CodeAnalysis;

namespace Platform.MultiTenancy;

/// <summary>
/// A GB/T 2260 administrative division code: six digits, two for the province, two for the prefecture, two for the
/// county. 500000 (重庆市) oversees every code that starts with 50; 500100 would oversee 5001xx.
/// </summary>
public static class DivisionCode
{
    /// <summary>The pseudo-tenant of the platform operator: it owns no division's data.</summary>
    public const string Host = "host";

    public static bool IsValid([NotNullWhen(true)] string? code)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var province = int.Parse(code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture);
        return province is >= 11 and <= 82;
    }

    /// <summary>The code prefix shared by every division under this one; null for a county-level code.</summary>
    public static string? OverseenPrefix(string code)
    {
        if (!IsValid(code))
        {
            return null;
        }

        if (code.EndsWith("0000", StringComparison.Ordinal))
        {
            return code[..2];
        }

        return code.EndsWith("00", StringComparison.Ordinal) ? code[..4] : null;
    }

    /// <summary>
    /// True when <paramref name="child"/> lies under <paramref name="parent"/> (and is not the parent itself).
    /// </summary>
    public static bool Oversees(string parent, string child) =>
        OverseenPrefix(parent) is { } prefix && child != parent && IsValid(child) &&
        child.StartsWith(prefix, StringComparison.Ordinal);
}
