using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal;

/// <summary>The month a page shows, the service's current month, and the district's periods.</summary>
public sealed record PeriodChoice(string Selected, string Current, IReadOnlyList<ReportingV1.Period> Periods)
{
    public ReportingV1.Period? Info => Periods.FirstOrDefault(p => p.Key == Selected);

    public int Year => int.Parse(Selected[..4], System.Globalization.CultureInfo.InvariantCulture);
}
