namespace Platform.ServiceDefaults.Time;

/// <summary>The body of GET and PUT /_clock.</summary>
public sealed record ClockState(DateTimeOffset? Now);
