namespace Platform.Reporting.Exports;

/// <summary>A unit with overdue reports.</summary>
/// <param name="Unit">Unit name.</param>
/// <param name="Late">Number of overdue reports.</param>
public sealed record BulletinLateUnit(string Unit, int Late);
