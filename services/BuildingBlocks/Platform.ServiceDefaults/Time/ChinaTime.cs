namespace Platform.ServiceDefaults.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving): the districts' calendar. Due dates, "today", the year a list runs
/// in and every time shown to a person are read in it, whatever zone the server runs in.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant as a clock in China shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The date in China at the instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>Today in China by the clock.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());
}
