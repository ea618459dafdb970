namespace Platform.ServiceDefaults.Time;

/// <summary>
/// Something a service recomputes when the adjustable clock is set (e.g. lights whose due dates just passed).
/// </summary>
public interface IClockChangeHandler
{
    Task OnClockChangedAsync(CancellationToken cancellationToken);
}
