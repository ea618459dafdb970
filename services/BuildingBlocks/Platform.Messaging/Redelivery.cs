namespace Platform.Messaging;

/// <summary>The delays between attempts to apply a message while a dependency is down.</summary>
public static class Redelivery
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    /// <summary>1 s, 2 s, 4 s … doubling up to 5 min, until they add up to <paramref name="window"/>.</summary>
    public static IEnumerable<TimeSpan> Intervals(TimeSpan window)
    {
        var total = TimeSpan.Zero;
        var next = First;
        while (total < window)
        {
            yield return next;
            total += next;
            next = next * 2 > Longest ? Longest : next * 2;
        }
    }
}
