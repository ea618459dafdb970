using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Platform.Reporting.Grpc;

/// <summary>
/// What every reporting method starts or ends with: the reader's district, a task and month of it, the save.
/// </summary>
internal static class ReportingCalls
{
    /// <summary>The district a caller with reports.read reads.</summary>
    public static string RequireReportReader(this ITenantContext caller)
    {
        caller.Require(PlatformScopes.ReportsRead);
        return caller.ReadTenant(null);
    }

    /// <summary>
    /// The lead unit whose report (monthly or year-end) a reader or reviewer means: the one asked for, else the
    /// caller's unit when it leads the task, else the first lead.
    /// </summary>
    public static Guid LeadFor(this ITenantContext caller, TrackedTask task, string? requested)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            var asked = Caller.ParseId(requested, "lead_unit_id", "lead unit");
            return task.LeadUnitIds.Contains(asked) ? asked : throw new NotFoundException("lead unit", requested);
        }

        return Guid.TryParse(caller.UnitId, out var unit) && task.LeadUnitIds.Contains(unit)
            ? unit
            : task.LeadUnitIds.FirstOrDefault();
    }

    /// <summary>"2023-07" as year and month, or InvalidArgument.</summary>
    public static (int Year, int Month) ParsePeriod(string? period) =>
        PeriodKey.TryParse(period, out var year, out var month)
            ? (year, month)
            : throw new ValidationException("period", "use yyyy-MM, e.g. 2023-07");

    /// <summary>A task of the caller's district; another district's is not found.</summary>
    public static async Task<TrackedTask> FindTaskAsync(
        this ReportingDbContext db,
        ITenantContext caller,
        string taskId,
        CancellationToken cancellationToken)
    {
        var id = Caller.ParseId(taskId, "task_id", "task");
        return await db.Tasks.SingleOrDefaultAsync(t => t.Id == id && t.TenantId == caller.TenantId, cancellationToken)
            ?? throw new NotFoundException("task", taskId);
    }

    /// <summary>The month of the task's list, or InvalidArgument when the list has no such period.</summary>
    public static async Task<ReportingPeriod> FindPeriodAsync(
        this ReportingDbContext db,
        TrackedTask task,
        string period,
        CancellationToken cancellationToken)
    {
        var (year, month) = ParsePeriod(period);
        return await db.Periods.SingleOrDefaultAsync(
            p => p.TaskListId == task.TaskListId && p.Year == year && p.Month == month,
            cancellationToken)
            ?? throw new ValidationException(
                "period",
                $"{period} is not a reporting period of task {task.Number}'s list");
    }

    /// <summary>
    /// Saves; a concurrent change of the same row (version or unique key) is FailedPrecondition with the message.
    /// </summary>
    public static async Task SaveOrConflictAsync(
        this ReportingDbContext db,
        string conflict,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            throw new PreconditionException(conflict);
        }
    }
}
