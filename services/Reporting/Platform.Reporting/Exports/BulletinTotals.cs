namespace Platform.Reporting.Exports;

/// <summary>Headline figures of a bulletin month.</summary>
/// <param name="Tasks">Tasks due this month.</param>
/// <param name="Reported">Tasks reported.</param>
/// <param name="OnTime">Tasks reported on time.</param>
/// <param name="Accepted">Reports accepted after review.</param>
/// <param name="Green">Tasks lit green.</param>
/// <param name="Yellow">Tasks lit yellow.</param>
/// <param name="Red">Tasks lit red.</param>
/// <param name="Overdue">Tasks not reported by the deadline.</param>
/// <param name="Disagreements">Tasks whose self-assessment differs from the assigned light.</param>
public sealed record BulletinTotals(
    int Tasks,
    int Reported,
    int OnTime,
    int Accepted,
    int Green,
    int Yellow,
    int Red,
    int Overdue,
    int Disagreements);
