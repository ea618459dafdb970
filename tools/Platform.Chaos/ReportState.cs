namespace Platform.Chaos;

/// <summary>The reporting service's report states (reports."Status"), in its own numbering.</summary>
public enum ReportState
{
    Absent = 0,
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Accepted = 4,
}
