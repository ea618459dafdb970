namespace Platform.Reporting.Domain;

public enum ReportStatus
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Accepted = 4,
}
