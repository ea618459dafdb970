namespace Platform.ServiceDefaults.Time;

/// <summary>
/// A clock that can be set, for demo and end-to-end stacks only (Clock:Adjustable=true; never in production): it starts
/// at Clock:Start and moves on at the real pace from whatever instant it is set to. The local demo runs in the year of
/// its task list this way, and end-to-end tests move a running stack past due dates.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref offsetTicks, (now - System.GetUtcNow()).Ticks);
}
