using System.Globalization;
using System.Text;

namespace Platform.Tasks.Domain;

/// <summary>
/// How alike two task texts read: the cosine of their character-bigram counts after normalising (full-width to
/// half-width, case, and everything but letters and digits dropped). Chinese has no spaces between words, so pairs of
/// characters carry the words ("营商" "商环" "环境") without a dictionary; punctuation and numbering do not count.
/// </summary>
public static class TextSimilarity
{
    /// <summary>Below this a draft task is not worth suggesting: stock phrases (推进, 工作) alone reach ~0.2.</summary>
    public const double Threshold = 0.3;

    /// <summary>Texts longer than this are compared by their opening only: a task is a sentence or two.</summary>
    private const int MaxCompared = 2000;

    /// <summary>The text reduced to what is compared: letters and digits, half-width, lower case.</summary>
    public static string Normalise(string text)
    {
        var folded = text.Length > MaxCompared ? text[..MaxCompared] : text;
        folded = folded.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>0 (nothing in common) to 1 (the same once normalised).</summary>
    public static double Score(string a, string b)
    {
        var left = Bigrams(Normalise(a));
        var right = Bigrams(Normalise(b));
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        double dot = 0;
        foreach (var (gram, count) in left)
        {
            if (right.TryGetValue(gram, out var other))
            {
                dot += (double)count * other;
            }
        }

        return dot / (Norm(left) * Norm(right));
    }

    /// <summary>The candidates at or above the threshold, best first (ties in given order), at most top.</summary>
    public static IReadOnlyList<(T Item, double Score)> Rank<T>(
        string text, IEnumerable<T> candidates, Func<T, string> textOf, int top = 3) =>
        candidates.Select((c, i) => (Item: c, Score: Score(text, textOf(c)), Index: i))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Take(top)
            .Select(x => (x.Item, x.Score))
            .ToList();

    private static Dictionary<string, int> Bigrams(string text)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        if (text.Length == 1)
        {
            grams[text] = 1; // a one-character text still equals itself
        }

        for (var i = 0; i + 1 < text.Length; i++)
        {
            var gram = text.Substring(i, 2);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    private static double Norm(Dictionary<string, int> grams) =>
        Math.Sqrt(grams.Values.Sum(c => (double)c * c));
}
