using Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Tests;

/// <summary>The report requests the tests send; a field not given is left unset, as a client that omits it.</summary>
public static class ReportRequests
{
    public static GetReportRequest ReportOf(Guid task, string period, Guid? lead = null)
    {
        var request = new GetReportRequest { TaskId = task.ToString(), Period = period };
        if (lead is { } unit)
        {
            request.LeadUnitId = unit.ToString();
        }

        return request;
    }

    public static SaveReportRequest Report(Guid task, string period, string progress, SelfStatus? selfStatus = null)
    {
        var request = new SaveReportRequest { TaskId = task.ToString(), Period = period, Progress = progress };
        if (selfStatus is { } status)
        {
            request.SelfStatus = status;
        }

        return request;
    }

    public static ReportActionRequest ActionOn(Guid task, string period, Guid? lead = null, string? comment = null)
    {
        var request = new ReportActionRequest { TaskId = task.ToString(), Period = period };
        if (lead is { } unit)
        {
            request.LeadUnitId = unit.ToString();
        }

        if (comment is not null)
        {
            request.Comment = comment;
        }

        return request;
    }
}
