namespace Platform.Reporting.Domain.Assessment;

/// <summary>How a month's report stands for the assessment.</summary>
public enum MonthStanding
{
    OnTime,
    Late,
    Missing,
}
