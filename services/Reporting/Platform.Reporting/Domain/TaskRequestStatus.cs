namespace Platform.Reporting.Domain;

public enum TaskRequestStatus
{
    Pending = 1,
    Approved = 2,
    Refused = 3,
}
