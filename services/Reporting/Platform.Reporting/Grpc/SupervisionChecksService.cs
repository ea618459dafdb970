using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Grpc;

/// <summary>
/// The authoritative answer the supervision ladder asks for before it sends a 催办 or a 督办单: of these reports, which
/// are still owed? Owed means the task is in force, not closed by the month's due date, and its lead unit's report is
/// absent, a draft or returned. A report handed in after the due date is not owed: it is late, not missing.
/// </summary>
public sealed class SupervisionChecksService(ReportingDbContext db, TenantContext tenant)
    : V1.SupervisionChecks.SupervisionChecksBase
{
    public const int MaxItems = 5000;

    public override async Task<V1.ConfirmOwedResponse> ConfirmOwed(
        V1.ConfirmOwedRequest request,
        ServerCallContext context)
    {
        tenant.Require(PlatformScopes.ReportsConfirm);
        if (!DivisionCode.IsValid(request.TenantId))
        {
            throw new ValidationException("tenant_id", "a district's six-digit division code");
        }

        if (request.Items.Count > MaxItems)
        {
            throw new ValidationException("items", $"at most {MaxItems} items per call");
        }

        tenant.SetTenant(request.TenantId);
        var items = request.Items.Select(i => (
            Item: i,
            Task: Caller.ParseId(i.TaskId, "task_id", "task"),
            Lead: Caller.ParseId(i.LeadUnitId, "lead_unit_id", "unit"),
            Period: ReportingCalls.ParsePeriod(i.Period))).ToList();
        var taskIds = items.Select(i => i.Task).Distinct().ToList();
        var tasks = await db.Tasks
            .AsNoTracking()
            .Where(t => taskIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, context.CancellationToken);
        var handedIn = (await db.Reports.AsNoTracking()
                .Where(r => taskIds.Contains(r.TaskId)
                    && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))
                .Select(r => new { r.TaskId, r.Period, r.LeadUnitId })
                .ToListAsync(context.CancellationToken))
            .Select(r => (r.TaskId, r.Period, r.LeadUnitId)).ToHashSet();

        var response = new V1.ConfirmOwedResponse();
        foreach (var (item, taskId, lead, (year, month)) in items)
        {
            var due = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            if (tasks.TryGetValue(taskId, out var task) && task.Active && task.LeadUnitIds.Contains(lead) &&
                !(task.ClosedOn is { } closed && closed <= due) &&
                !handedIn.Contains((taskId, PeriodKey.Format(year, month), lead)))
            {
                response.StillOwed.Add(item);
            }
        }

        return response;
    }
}
