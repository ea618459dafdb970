using System.Globalization;
using System.Text;

namespace Platform.Units.Domain;

/// <summary>
/// How unit names are compared: documents mix full- and half-width forms, stray spaces and punctuation.
/// </summary>
public static class UnitNames
{
    public const int MaxLength = 100;

    /// <summary>NFKC (full-width to half-width), no whitespace, no trailing punctuation, lower-case Latin.</summary>
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c != '\u200b' && c != '\ufeff')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Trim('。', '.', ',', '，', '、', ';', '；', ':', '：');
    }

    /// <summary>Trims and checks a display name; returns the error, or null when it is acceptable.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "must not be empty";
        }

        var trimmed = name.Trim();
        if (trimmed.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters (got {trimmed.Length})";
        }

        if (trimmed.Any(c => char.IsControl(c)))
        {
            return "must not contain control characters";
        }

        return Normalize(trimmed).Length == 0 ? "must contain more than punctuation" : null;
    }

    /// <summary>Similarity of two names by shared character pairs (Dice coefficient), 0..1.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Bigrams(Normalize(a));
        var y = Bigrams(Normalize(b));
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        var common = x.Intersect(y).Count();
        return 2.0 * common / (x.Count + y.Count);
    }

    private static HashSet<string> Bigrams(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var info = new StringInfo(s);
        for (var i = 0; i + 1 < info.LengthInTextElements; i++)
        {
            set.Add(info.SubstringByTextElements(i, 2));
        }

        return set;
    }
}
