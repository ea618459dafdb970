using System.Globalization;
using Google.Protobuf.WellKnownTypes;
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
/// Monthly reports. A lead unit's reporter writes and submits its own unit's reports; the district office returns or
/// accepts them; every account of the district reads; another district gets NotFound for everything.
/// </summary>
public sealed class ReportService(
    ReportingDbContext db,
    ITenantContext caller,
    TimeProvider clock,
    DistrictCalendar calendar,
    ReportingUnitOfWork changes,
    LightProjector lights)
    : V1.Reports.ReportsBase
{
    private const string Conflict = "The report was changed by someone else at the same time; reload it and try again.";

    private int GraceDays => calendar.GraceDaysFor(caller.TenantId ?? string.Empty);

    private DateOnly Today => calendar.Today;

    public override async Task<V1.ListPeriodsResponse> ListPeriods(
        V1.ListPeriodsRequest request,
        ServerCallContext context)
    {
        var tenant = ReadTenant();
        var activeLists = db.Tasks.Where(t => t.TenantId == tenant && t.Active).Select(t => t.TaskListId).Distinct();
        var query = db.Periods.Where(p => p.TenantId == tenant && activeLists.Contains(p.TaskListId));
        if (request.Year != 0)
        {
            query = query.Where(p => p.Year == request.Year);
        }

        var periods = await query.OrderBy(p => p.Year).ThenBy(p => p.Month).ToListAsync(context.CancellationToken);
        await calendar.LoadAsync(tenant, context.CancellationToken);
        var response = new V1.ListPeriodsResponse { CurrentPeriod = $"{Today.Year:D4}-{Today.Month:D2}" };
        response.Periods.AddRange(periods.Select(p => new V1.Period
        {
            Key = p.Key,
            Year = p.Year,
            Month = p.Month,
            DueOn = Date(p.DueOn),
            GraceUntil = Date(calendar.GraceUntil(p)),
            TaskListId = p.TaskListId.ToString(),
        }));
        return response;
    }

    public override async Task<V1.ListReportsResponse> ListReports(
        V1.ListReportsRequest request,
        ServerCallContext context)
    {
        ReadTenant();
        var tenant = caller.ReadTenant(request.TenantId, "district");
        var (year, month) = ReportingCalls.ParsePeriod(request.Period);
        var tasks = db.Tasks.Where(t => t.TenantId == tenant && t.Active && t.Year == year);
        if (!string.IsNullOrEmpty(request.UnitId))
        {
            var unitId = Caller.ParseId(request.UnitId, "unit_id", "unit");
            tasks = tasks.Where(t => t.LeadUnitIds.Contains(unitId));
        }

        var list = await tasks.OrderBy(t => t.Order).ToListAsync(context.CancellationToken);
        await calendar.LoadAsync(tenant, context.CancellationToken);
        var ids = list.Select(t => t.Id).ToList();
        var reports = await db.Reports
            .Where(r => ids.Contains(r.TaskId) && r.Period == request.Period)
            .ToListAsync(context.CancellationToken);
        var periods = await PeriodsAsync(
            list.Select(t => t.TaskListId).Distinct().ToList(),
            year,
            month,
            context.CancellationToken);

        var response = new V1.ListReportsResponse();
        foreach (var task in list)
        {
            if (!periods.TryGetValue(task.TaskListId, out var period))
            {
                continue;
            }

            foreach (var lead in task.LeadUnitIds)
            {
                var report = reports.SingleOrDefault(r => r.TaskId == task.Id && r.LeadUnitId == lead);
                var proto = ToProto(task, period, report, lead);
                if (request.Status == V1.ReportStatus.Unspecified || proto.Status == request.Status)
                {
                    response.Reports.Add(proto);
                }
            }
        }

        return response;
    }

    public override async Task<V1.Report> GetReport(V1.GetReportRequest request, ServerCallContext context)
    {
        ReadTenant();
        var (task, period) = await FindAsync(request.TaskId, request.Period, context.CancellationToken);
        var lead = caller.LeadFor(task, request.LeadUnitId);
        var contributions = await SupervisionService.ContributionsAsync(
            db,
            task.Id,
            period.Key,
            context.CancellationToken);
        var report = await db.Reports.SingleOrDefaultAsync(
            r => r.TaskId == task.Id && r.Period == period.Key && r.LeadUnitId == lead,
            context.CancellationToken)
            ?? await PrefilledAsync(task, period, lead, contributions, context.CancellationToken);
        var proto = ToProto(task, period, report, lead);
        proto.Contributions.AddRange(contributions.Select(SupervisionService.ToProto));
        return proto;
    }

    public override async Task<V1.Report> SaveReport(V1.SaveReportRequest request, ServerCallContext context)
    {
        caller.RequireDistrictWriter(PlatformScopes.ReportsWrite);
        var month = await FindMonthAsync(request.TaskId, request.Period, context.CancellationToken);
        var (task, period) = (month.Task, month.Period);
        var lead = OwnLead(task);
        if (request.Actuals.Any(a => a.Target < 0 || a.Target >= task.Targets.Count))
        {
            throw new ValidationException(
                "actuals", $"the task has {task.Targets.Count} typed targets (indexes 0 to {task.Targets.Count - 1})");
        }

        var report = month.Reports.SingleOrDefault(r => r.LeadUnitId == lead);
        if (report is null)
        {
            report = new ProgressReport
            {
                Id = Guid.CreateVersion7(),
                TenantId = task.TenantId,
                TaskId = task.Id,
                Period = period.Key,
                LeadUnitId = lead,
            };
            db.Reports.Add(report);
        }

        var actuals = Enumerable.Range(0, task.Targets.Count)
            .Select(i => request.Actuals.LastOrDefault(a => a.Target == i) is { HasActual: true } a
                ? (decimal?)a.Actual
                : null)
            .ToList();
        report.Edit(
            request.Progress,
            request.Problems,
            request.Effects,
            ToDomain(request.SelfStatus),
            actuals,
            Actor,
            clock.GetUtcNow());
        await changes.SaveAsync(Conflict, context.CancellationToken);
        return ToProto(task, period, report, lead);
    }

    public override Task<V1.Report> SubmitReport(V1.ReportActionRequest request, ServerCallContext context) =>
        ChangeAsync(request, byOffice: false, context, (report, now) => report.Submit(Actor, now));

    public override Task<V1.Report> ReturnReport(V1.ReportActionRequest request, ServerCallContext context) =>
        ChangeAsync(request, byOffice: true, context, (report, now) => report.Return(request.Comment, Actor, now));

    public override Task<V1.Report> AcceptReport(V1.ReportActionRequest request, ServerCallContext context) =>
        ChangeAsync(request, byOffice: true, context, (report, now) => report.Accept(Actor, now));

    public override async Task<V1.GetAuditTrailResponse> GetAuditTrail(
        V1.GetAuditTrailRequest request,
        ServerCallContext context)
    {
        var tenant = ReadTenant();
        var taskId = Caller.ParseId(request.TaskId, "task_id", "task");
        if (!await db.Tasks.AnyAsync(t => t.Id == taskId && t.TenantId == tenant, context.CancellationToken))
        {
            throw new NotFoundException("task", request.TaskId);
        }

        var entries = await db.Audit
            .Where(a => a.TaskId == taskId)
            .OrderBy(a => a.At)
            .ThenBy(a => a.Id)
            .ToListAsync(context.CancellationToken);
        var response = new V1.GetAuditTrailResponse();
        response.Entries.AddRange(entries.Select(e => new V1.AuditEntry
        {
            Action = e.Action, Actor = e.Actor, At = Timestamp.FromDateTimeOffset(e.At), Period = e.Period,
            Before = e.Before ?? string.Empty, After = e.After ?? string.Empty,
        }));
        return response;
    }

    public override async Task<V1.ReportingSettings> GetReportingSettings(
        V1.GetReportingSettingsRequest request,
        ServerCallContext context)
    {
        var tenant = ReadTenant();
        await calendar.LoadAsync(tenant, context.CancellationToken);
        return new V1.ReportingSettings { GraceDays = calendar.GraceDaysFor(tenant) };
    }

    /// <summary>A new grace period recomputes the district's lights of the past year at once.</summary>
    public override async Task<V1.ReportingSettings> UpdateReportingSettings(
        V1.ReportingSettings request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        if (!request.HasGraceDays)
        {
            // Nothing named, nothing changed: an omitted field never resets a setting to 0.
            await calendar.LoadAsync(tenant, context.CancellationToken);
            return new V1.ReportingSettings { GraceDays = calendar.GraceDaysFor(tenant) };
        }

        if (request.GraceDays is < 0 or > ReportingSettings.MaxGraceDays)
        {
            throw new ValidationException("grace_days", $"0 to {ReportingSettings.MaxGraceDays} days");
        }

        var settings = await db.Settings.SingleOrDefaultAsync(s => s.TenantId == tenant, context.CancellationToken);
        if (settings is null)
        {
            settings = new ReportingSettings { TenantId = tenant };
            db.Settings.Add(settings);
        }

        settings.GraceDays = request.GraceDays;
        settings.UpdatedAt = clock.GetUtcNow();
        settings.UpdatedBy = Actor;
        await db.SaveOrConflictAsync(Conflict, context.CancellationToken);
        calendar.Forget(tenant);
        await lights.RefreshAsync(Today.AddDays(-400), Today.AddDays(1), context.CancellationToken);
        return new V1.ReportingSettings { GraceDays = settings.GraceDays };
    }

    /// <summary>
    /// Submit (by the lead unit's reporter) or review (by the district office) an existing report: the domain changes
    /// it, the unit of work saves the change with its audit row, its event and the month's lights.
    /// </summary>
    private async Task<V1.Report> ChangeAsync(
        V1.ReportActionRequest request,
        bool byOffice,
        ServerCallContext context,
        Action<ProgressReport, DateTimeOffset> change)
    {
        if (byOffice)
        {
            caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        }
        else
        {
            caller.RequireDistrictWriter(PlatformScopes.ReportsWrite);
        }

        var month = await FindMonthAsync(request.TaskId, request.Period, context.CancellationToken);
        var lead = byOffice ? caller.LeadFor(month.Task, request.LeadUnitId) : OwnLead(month.Task);
        var report = month.Reports.SingleOrDefault(r => r.LeadUnitId == lead)
            ?? throw new PreconditionException(
                $"No report of task {month.Task.Number} for {month.Period.Key} has been written yet.");
        change(report, clock.GetUtcNow());
        await changes.SaveAsync(Conflict, context.CancellationToken);
        return ToProto(month.Task, month.Period, report, lead);
    }

    private string Actor => caller.Actor();

    private string ReadTenant() => caller.RequireReportReader();

    /// <summary>
    /// The caller's own unit, which must lead the task, for its reporter writing or submitting the report.
    /// </summary>
    private Guid OwnLead(TrackedTask task) =>
        Guid.TryParse(caller.UnitId, out var unit) && task.LeadUnitIds.Contains(unit)
        && caller.Roles.Contains(PlatformRoles.UnitReporter)
            ? unit
            : throw new ForbiddenException(
                $"Task {task.Number} is led by {string.Join("、", task.LeadUnitNames)}; "
                + "only its lead unit's reporter writes its report.");

    /// <summary>
    /// The task and month a call is about, and the district's grace period. The call keeps the connection from here to
    /// its end: opening a pooled connection is a round trip of its own (the reset and the signed tenant context), which
    /// each of a save's statements would otherwise pay again. Task, month and grace period come in one query, the first
    /// two untracked: no report call changes them, and a tracked task's lists and targets would be copied on loading
    /// and compared again at every save.
    /// </summary>
    private async Task<(TrackedTask Task, ReportingPeriod Period)> FindAsync(
        string taskId,
        string period,
        CancellationToken cancellationToken)
    {
        var id = Caller.ParseId(taskId, "task_id", "task");
        PeriodKey.TryParse(period, out var year, out var month);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var found = await db.Tasks.AsNoTracking()
            .Where(t => t.Id == id && t.TenantId == caller.TenantId)
            .Select(t => new
            {
                Task = t,
                Period = db.Periods.FirstOrDefault(p => p.TaskListId == t.TaskListId
                    && p.Year == year
                    && p.Month == month),
                GraceDays = db.Settings
                    .Where(s => s.TenantId == t.TenantId)
                    .Select(s => (int?)s.GraceDays)
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("task", taskId);

        // No such month: the period's own lookup says what is wrong with the one asked for.
        var foundPeriod = found.Period ?? await db.FindPeriodAsync(found.Task, period, cancellationToken);
        calendar.Remember(found.Task.TenantId, found.GraceDays);
        return (found.Task, foundPeriod);
    }

    /// <summary>
    /// The task's month with its reports, one per lead unit, tracked: the lead's own is changed, and the unit of work
    /// computes the lights from all of them without reading them again.
    /// </summary>
    private async Task<TaskMonth> FindMonthAsync(string taskId, string period, CancellationToken cancellationToken)
    {
        var (task, found) = await FindAsync(taskId, period, cancellationToken);
        var reports = await db.Reports
            .Where(r => r.TaskId == task.Id && r.Period == found.Key)
            .ToListAsync(cancellationToken);
        var month = new TaskMonth(task, found, reports);
        changes.Loaded(month);
        return month;
    }

    private async Task<Dictionary<Guid, ReportingPeriod>> PeriodsAsync(
        List<Guid> listIds,
        int year,
        int month,
        CancellationToken cancellationToken) =>
        await db.Periods
            .Where(p => listIds.Contains(p.TaskListId) && p.Year == year && p.Month == month)
            .ToDictionaryAsync(p => p.TaskListId, cancellationToken);

    /// <summary>
    /// A report not yet written starts from last month's and this month's contributions of the responsible units
    /// (报一次、用多次): their parts follow last month's progress, each under its unit's name.
    /// </summary>
    private async Task<ProgressReport> PrefilledAsync(
        TrackedTask task,
        ReportingPeriod period,
        Guid lead,
        IReadOnlyList<Contribution> contributions,
        CancellationToken cancellationToken)
    {
        var previous = await db.Reports.Where(r => r.TaskId == task.Id
            && r.LeadUnitId == lead
            && string.Compare(r.Period, period.Key) < 0)
            .OrderByDescending(r => r.Period).FirstOrDefaultAsync(cancellationToken);
        var parts = contributions.Select(c => $"【{c.UnitName}】{c.Text}");
        var progress = string.Join(
            "\n",
            new[] { previous?.Progress ?? string.Empty }.Concat(parts).Where(p => p.Length > 0));
        return new ProgressReport
        {
            TenantId = task.TenantId,
            TaskId = task.Id,
            Period = period.Key,
            LeadUnitId = lead,
            Progress = progress.Length > ProgressReport.MaxTextLength
                ? progress[..ProgressReport.MaxTextLength]
                : progress,
            Problems = previous?.Problems ?? string.Empty,
            Effects = previous?.Effects ?? string.Empty,
            SelfStatus = previous?.SelfStatus ?? SelfStatus.Unspecified,
            Actuals = previous?.Actuals ?? [],
        };
    }

    private V1.Report ToProto(TrackedTask task, ReportingPeriod period, ProgressReport? report, Guid lead)
    {
        var stored = report is not null && report.Version > 0;
        var light = LightRules.Compute(task, period, stored ? report : null, Today, GraceDays);
        var proto = new V1.Report
        {
            TaskId = task.Id.ToString(),
            Period = period.Key,
            TaskNumber = task.Number,
            TaskText = task.Text,
            LeadUnitId = lead.ToString(),
            Status = stored ? (V1.ReportStatus)(int)report!.Status : V1.ReportStatus.Unspecified,
            Progress = report?.Progress ?? string.Empty,
            Problems = report?.Problems ?? string.Empty,
            Effects = report?.Effects ?? string.Empty,
            SelfStatus = (V1.SelfStatus)(int)(report?.SelfStatus ?? SelfStatus.Unspecified),
            ReturnComment = report?.ReturnComment ?? string.Empty,
            SubmittedAt = report?.SubmittedAt is { } s ? Timestamp.FromDateTimeOffset(s) : null,
            ReviewedAt = report?.ReviewedAt is { } r ? Timestamp.FromDateTimeOffset(r) : null,
            Light = (V1.Light)(int)light.Light,
            Disagreement = light.Disagreement,
            DueOn = Date(period.DueOn),
            Version = report?.Version ?? 0,
            Exists = stored,
        };
        proto.LightReasons.AddRange(light.Reasons);
        if (report is not null)
        {
            proto.Actuals.AddRange(report.Actuals.Select((a, i) =>
            {
                var actual = new V1.TargetActual { Target = i };
                if (a is { } value)
                {
                    actual.Actual = (double)value;
                }

                return actual;
            }));
        }

        return proto;
    }

    private static SelfStatus ToDomain(V1.SelfStatus status) => status switch
    {
        V1.SelfStatus.Unspecified => SelfStatus.Unspecified,
        V1.SelfStatus.OnTrack => SelfStatus.OnTrack,
        V1.SelfStatus.AtRisk => SelfStatus.AtRisk,
        V1.SelfStatus.Behind => SelfStatus.Behind,
        V1.SelfStatus.Done => SelfStatus.Done,
        _ => throw new ValidationException("self_status", $"unknown status {(int)status}"),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
