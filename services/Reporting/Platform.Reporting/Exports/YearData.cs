using Platform.Reporting.Domain.Assessment;

namespace Platform.Reporting.Exports;

/// <summary>Everything the year's summary (年度总结) to the district government shows.</summary>
/// <param name="RuleVersion">The rule version of the applied assessment; null when none was applied.</param>
/// <param name="Final">True once the year is closed and the ranking frozen.</param>
public sealed record YearData(
    string DistrictName,
    int Year,
    DateOnly GeneratedOn,
    IReadOnlyList<YearCategory> Categories,
    IReadOnlyList<YearLagging> Lagging,
    IReadOnlyList<UnitAssessment> Ranking,
    int? RuleVersion,
    bool Final);
