namespace Platform.Reporting.Domain;

/// <summary>
/// What a district's public page shows beyond the minimum (the list by category, each task's public status and the
/// completion rate). Each is ticked by the office; none is public by default.
/// </summary>
[Flags]
public enum PublicFields
{
    None = 0,

    /// <summary>Each task's lead unit names.</summary>
    LeadUnits = 1,

    /// <summary>Each task's deadline (an approved extension's where there is one).</summary>
    Deadlines = 2,

    /// <summary>The internal light (绿/黄/红) of each task's latest month.</summary>
    Lights = 4,

    /// <summary>The progress text of each task's latest accepted monthly report.</summary>
    Progress = 8,

    /// <summary>The problems of each task's latest accepted monthly report.</summary>
    Problems = 16,

    /// <summary>The year's summary, shown once the year is closed.</summary>
    Summary = 32,

    All = LeadUnits | Deadlines | Lights | Progress | Problems | Summary,
}
