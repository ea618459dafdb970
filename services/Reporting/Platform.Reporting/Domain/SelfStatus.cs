namespace Platform.Reporting.Domain;

public enum SelfStatus
{
    Unspecified = 0,
    OnTrack = 1,
    AtRisk = 2,
    Behind = 3,
    Done = 4,
}
