namespace Platform.Reporting.Domain.Assessment;

/// <summary>Task numbers ("3", "12", "4.2") in list order: numerically part by part, not as text.</summary>
public static class TaskNumbers
{
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    private static int Compare(string? a, string? b)
    {
        var (x, y) = ((a ?? string.Empty).Split('.'), (b ?? string.Empty).Split('.'));
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var order = int.TryParse(x[i], out var m) && int.TryParse(y[i], out var n)
                ? m.CompareTo(n)
                : string.CompareOrdinal(x[i], y[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
