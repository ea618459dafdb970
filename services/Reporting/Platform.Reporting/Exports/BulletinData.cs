namespace Platform.Reporting.Exports;

/// <summary>Everything shown in one monthly bulletin (通报) to a district government.</summary>
/// <param name="DistrictName">District name, e.g. 渝中区.</param>
/// <param name="Period">Reporting month as <c>yyyy-MM</c>.</param>
/// <param name="GeneratedOn">Date printed as the generation date.</param>
/// <param name="Totals">Headline figures for the month.</param>
/// <param name="Categories">Light counts per task category; drives the chart and the category table.</param>
/// <param name="Lagging">Tasks lit red or yellow.</param>
/// <param name="LateUnits">Units with reports overdue this month.</param>
public sealed record BulletinData(
    string DistrictName,
    string Period,
    DateOnly GeneratedOn,
    BulletinTotals Totals,
    IReadOnlyList<BulletinCategory> Categories,
    IReadOnlyList<BulletinLagging> Lagging,
    IReadOnlyList<BulletinLateUnit> LateUnits);
