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
/// The year's completion reports (年度完成情况). A lead unit's reporter writes and submits its own unit's report of each
/// task; the district office opens the filing, returns and accepts; every account of the district reads; another
/// district gets NotFound. Changes are made by <see cref="CompletionReport"/> and saved through the unit of work.
/// </summary>
public sealed class YearEndService(
    ReportingDbContext db,
    ITenantContext caller,
    TimeProvider clock,
    DistrictCalendar calendar,
    ReportingUnitOfWork changes)
    : V1.YearEnd.YearEndBase
{
    private const string Conflict =
        "年度完成情况已被他人修改，请刷新后重试 (the completion report was changed by someone else; reload it and try again).";

    private const string YearConflict =
        "年度设置已被他人修改，请刷新后重试 (the year's settings were changed by someone else; reload them and try again).";

    private string Actor => caller.Actor();

    public override async Task<V1.YearEndSummary> GetYearEnd(V1.GetYearEndRequest request, ServerCallContext context)
    {
        var tenant = caller.RequireReportReader();
        var year = CheckedYear(request.Year);
        var closing = await ClosingAsync(tenant, year, context.CancellationToken);
        return await SummaryAsync(tenant, year, closing, context.CancellationToken);
    }

    public override async Task<V1.YearEndSummary> OpenCompletion(
        V1.OpenCompletionRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var year = CheckedYear(request.Year);
        if (!DateOnly.TryParseExact(
                request.OpensOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opensOn)
            || opensOn.Year < year || opensOn.Year > year + 1)
        {
            throw new ValidationException(
                "opens_on", $"填报开始日期应在{year}年或{year + 1}年内，如{year + 1}-01-05 (a day of {year} or {year + 1})");
        }

        var closing = await db.ClosingYears.SingleOrDefaultAsync(
            y => y.TenantId == tenant && y.Year == year,
            context.CancellationToken);
        if (closing?.ClosedAt is not null)
        {
            throw new PreconditionException(
                $"{year}年度已关账，不能再修改填报日期 (the year {year} is closed; its filing date is frozen).");
        }

        if (closing is null)
        {
            closing = new ClosingYear { TenantId = tenant, Year = year };
            db.ClosingYears.Add(closing);
        }

        // The year's row has no task to audit under; its version keeps two offices' edits from overwriting each other.
        closing.CompletionOpensOn = opensOn;
        closing.Version++;
        closing.UpdatedAt = clock.GetUtcNow();
        await db.SaveOrConflictAsync(YearConflict, context.CancellationToken);
        return await SummaryAsync(tenant, year, closing, context.CancellationToken);
    }

    public override async Task<V1.ListCompletionReportsResponse> ListCompletionReports(
        V1.ListCompletionReportsRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireReportReader();
        var year = CheckedYear(request.Year);
        var tasks = db.Tasks.AsNoTracking().Where(t => t.TenantId == tenant && t.Active && t.Year == year);
        Guid? unit = null;
        if (!string.IsNullOrEmpty(request.UnitId))
        {
            unit = Caller.ParseId(request.UnitId, "unit_id", "unit");
            tasks = tasks.Where(t => t.LeadUnitIds.Contains(unit.Value));
        }

        var list = await tasks.OrderBy(t => t.Order).ToListAsync(context.CancellationToken);
        var ids = list.Select(t => t.Id).ToList();
        var reports = await db.CompletionReports.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.Year == year && ids.Contains(r.TaskId))
            .ToListAsync(context.CancellationToken);
        var response = new V1.ListCompletionReportsResponse();
        foreach (var task in list)
        {
            foreach (var lead in task.LeadUnitIds.Where(l => unit is null || l == unit))
            {
                var report = reports.SingleOrDefault(r => r.TaskId == task.Id && r.LeadUnitId == lead)
                    ?? Draft(task, year, lead, []);
                var proto = ToProto(task, report, lead, []);
                if (request.Status == V1.ReportStatus.Unspecified || proto.Status == request.Status)
                {
                    response.Reports.Add(proto);
                }
            }
        }

        return response;
    }

    public override async Task<V1.CompletionReport> GetCompletionReport(
        V1.GetCompletionReportRequest request,
        ServerCallContext context)
    {
        caller.RequireReportReader();
        var year = CheckedYear(request.Year);
        var task = await FindTaskAsync(request.TaskId, year, context.CancellationToken);
        var lead = caller.LeadFor(task, request.LeadUnitId);
        var computed = await ComputedAsync(task, year, context.CancellationToken);
        var report = await db.CompletionReports.AsNoTracking().SingleOrDefaultAsync(
            r => r.TaskId == task.Id && r.Year == year && r.LeadUnitId == lead,
            context.CancellationToken)
            ?? Draft(task, year, lead, computed);
        return ToProto(task, report, lead, computed);
    }

    public override async Task<V1.CompletionReport> SaveCompletionReport(
        V1.SaveCompletionReportRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictWriter(PlatformScopes.ReportsWrite);
        var year = CheckedYear(request.Year);
        var task = await FindTaskAsync(request.TaskId, year, context.CancellationToken);
        var lead = OwnLead(task);
        await RequireOpenAsync(tenant, year, context.CancellationToken);
        if (request.FinalValues.Count > task.Targets.Count
            || request.FinalValues.Any(v => v.Target < 0 || v.Target >= task.Targets.Count))
        {
            throw new ValidationException(
                "final_values",
                $"任务有{task.Targets.Count}个量化目标 (the task has {task.Targets.Count} typed targets, "
                + $"indexes 0 to {task.Targets.Count - 1})");
        }

        if (request.FinalValues.Any(v => v.HasValue && (double.IsNaN(v.Value) || double.IsInfinity(v.Value)
                || Math.Abs(v.Value) > 1e15)))
        {
            throw new ValidationException("final_values", "数值无效 (a final value is not a finite number)");
        }

        var report = await db.CompletionReports.SingleOrDefaultAsync(
            r => r.TaskId == task.Id && r.Year == year && r.LeadUnitId == lead,
            context.CancellationToken);
        if ((report?.Version ?? 0) != request.Version)
        {
            throw new PreconditionException(Conflict);
        }

        if (report is null)
        {
            report = Draft(task, year, lead, []);
            report.Id = Guid.CreateVersion7();
            db.CompletionReports.Add(report);
        }

        var values = Enumerable.Range(0, task.Targets.Count)
            .Select(i => request.FinalValues.LastOrDefault(v => v.Target == i) is { HasValue: true } v
                ? (decimal?)v.Value
                : null)
            .ToList();
        report.Edit(ToDomain(request.Outcome), request.Summary, values, task.Targets.Count, Actor, clock.GetUtcNow());
        await changes.SaveAsync(Conflict, context.CancellationToken);
        return ToProto(task, report, lead, await ComputedAsync(task, year, context.CancellationToken));
    }

    public override Task<V1.CompletionReport> SubmitCompletionReport(
        V1.CompletionActionRequest request,
        ServerCallContext context) =>
        ChangeAsync(request, byOffice: false, context, (report, now) => report.Submit(Actor, now));

    public override Task<V1.CompletionReport> ReturnCompletionReport(
        V1.CompletionActionRequest request,
        ServerCallContext context) =>
        ChangeAsync(request, byOffice: true, context, (report, now) => report.Return(request.Comment, Actor, now));

    public override Task<V1.CompletionReport> AcceptCompletionReport(
        V1.CompletionActionRequest request,
        ServerCallContext context) =>
        ChangeAsync(request, byOffice: true, context, (report, now) => report.Accept(Actor, now));

    /// <summary>
    /// Submit (by the lead unit's reporter) or review (by the office) a written report inside the year's window; the
    /// domain changes it and the unit of work saves it with its audit row and its event.
    /// </summary>
    private async Task<V1.CompletionReport> ChangeAsync(
        V1.CompletionActionRequest request,
        bool byOffice,
        ServerCallContext context,
        Action<CompletionReport, DateTimeOffset> change)
    {
        var tenant = byOffice
            ? caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite)
            : caller.RequireDistrictWriter(PlatformScopes.ReportsWrite);
        var year = CheckedYear(request.Year);
        var task = await FindTaskAsync(request.TaskId, year, context.CancellationToken);
        var lead = byOffice ? caller.LeadFor(task, request.LeadUnitId) : OwnLead(task);
        await RequireOpenAsync(tenant, year, context.CancellationToken);
        var report = await db.CompletionReports.SingleOrDefaultAsync(
            r => r.TaskId == task.Id && r.Year == year && r.LeadUnitId == lead,
            context.CancellationToken)
            ?? throw new PreconditionException(
                $"任务{task.Number}的{year}年度完成情况尚未填写 "
                + $"(no completion report of task {task.Number} for {year} has been written yet).");
        if (request.HasVersion && request.Version != report.Version)
        {
            throw new PreconditionException(Conflict);
        }

        change(report, clock.GetUtcNow());
        await changes.SaveAsync(Conflict, context.CancellationToken);
        return ToProto(task, report, lead, []);
    }

    private async Task RequireOpenAsync(string tenant, int year, CancellationToken cancellationToken) =>
        CompletionWindow.RequireOpen(await ClosingAsync(tenant, year, cancellationToken), year, calendar.Today);

    private Task<ClosingYear?> ClosingAsync(string tenant, int year, CancellationToken cancellationToken) =>
        db.ClosingYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.TenantId == tenant && y.Year == year, cancellationToken);

    private async Task<V1.YearEndSummary> SummaryAsync(
        string tenant,
        int year,
        ClosingYear? closing,
        CancellationToken cancellationToken)
    {
        var leads = await db.Tasks.AsNoTracking()
            .Where(t => t.TenantId == tenant && t.Active && t.Year == year)
            .Select(t => t.LeadUnitIds.Count)
            .ToListAsync(cancellationToken);
        var reports = await db.CompletionReports.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.Year == year)
            .GroupBy(r => new { r.Status, r.Outcome })
            .Select(g => new { g.Key.Status, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(ReportStatus status, CompletionOutcome? outcome = null) => reports
            .Where(r => r.Status == status && (outcome is null || r.Outcome == outcome))
            .Sum(r => r.Count);
        var counts = new V1.CompletionCounts
        {
            Tasks = leads.Count,
            Owed = leads.Sum(),
            Draft = Count(ReportStatus.Draft),
            Submitted = Count(ReportStatus.Submitted),
            Returned = Count(ReportStatus.Returned),
            Accepted = Count(ReportStatus.Accepted),
            Completed = Count(ReportStatus.Accepted, CompletionOutcome.Completed),
            MostlyCompleted = Count(ReportStatus.Accepted, CompletionOutcome.MostlyCompleted),
            NotCompleted = Count(ReportStatus.Accepted, CompletionOutcome.NotCompleted),
        };
        counts.NotStarted = Math.Max(0, counts.Owed - reports.Sum(r => r.Count));
        var today = calendar.Today;
        return new V1.YearEndSummary
        {
            Year = year,
            OpensOn = closing?.CompletionOpensOn is { } opensOn ? Date(opensOn) : string.Empty,
            Open = closing is { ClosedAt: null, CompletionOpensOn: { } day } && day <= today,
            Closed = closing?.ClosedAt is not null,
            ClosedBy = closing?.ClosedBy ?? string.Empty,
            ClosedAt = closing?.ClosedAt is { } closedAt ? Timestamp.FromDateTimeOffset(closedAt) : null,
            Counts = counts,
            Version = closing?.Version ?? 0,
        };
    }

    /// <summary>A task of the caller's district and of the year asked for; another district's is not found.</summary>
    private async Task<TrackedTask> FindTaskAsync(
        string taskId,
        int year,
        CancellationToken cancellationToken)
    {
        var id = Caller.ParseId(taskId, "task_id", "task");
        var task = await db.Tasks.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == id && t.TenantId == caller.TenantId, cancellationToken)
            ?? throw new NotFoundException("task", taskId);
        return task.Year == year
            ? task
            : throw new ValidationException(
                "year", $"任务{task.Number}属于{task.Year}年度 (task {task.Number} is of {task.Year})");
    }

    /// <summary>
    /// Each typed target's latest actual that the task's monthly reports of the year handed in (submitted or
    /// accepted; a draft's figures are not yet the unit's word), with the month it came from.
    /// </summary>
    private async Task<List<(decimal Value, string Period)?>> ComputedAsync(
        TrackedTask task,
        int year,
        CancellationToken cancellationToken)
    {
        var prefix = year.ToString("D4", CultureInfo.InvariantCulture) + "-";
        var monthly = await db.Reports.AsNoTracking()
            .Where(r => r.TaskId == task.Id
                && r.Period.StartsWith(prefix)
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))
            .OrderByDescending(r => r.Period)
            .Select(r => new { r.Period, r.Actuals })
            .ToListAsync(cancellationToken);
        return Enumerable.Range(0, task.Targets.Count)
            .Select(i => monthly.FirstOrDefault(r => r.Actuals.Count > i && r.Actuals[i] is not null) is { } found
                ? ((decimal, string)?)(found.Actuals[i]!.Value, found.Period)
                : null)
            .ToList();
    }

    /// <summary>
    /// The report a lead unit has not written yet: 完成 when the task's closure was verified, and each target's final
    /// value the computed one.
    /// </summary>
    private static CompletionReport Draft(
        TrackedTask task,
        int year,
        Guid lead,
        IReadOnlyList<(decimal Value, string Period)?> computed)
    {
        var closed = task.ClosedOn is not null;
        return new CompletionReport
        {
            TenantId = task.TenantId,
            TaskId = task.Id,
            Year = year,
            LeadUnitId = lead,
            Outcome = closed ? CompletionOutcome.Completed : CompletionOutcome.None,
            PrefilledFromClosure = closed,
            FinalValues = [.. computed.Select(c => c?.Value)],
        };
    }

    /// <summary>The caller's own unit, which must lead the task, for its reporter writing or submitting.</summary>
    private Guid OwnLead(TrackedTask task) =>
        Guid.TryParse(caller.UnitId, out var unit) && task.LeadUnitIds.Contains(unit)
        && caller.Roles.Contains(PlatformRoles.UnitReporter)
            ? unit
            : throw new ForbiddenException(
                $"任务{task.Number}由{string.Join("、", task.LeadUnitNames)}牵头，只有牵头单位的填报人员填写其年度完成情况 "
                + $"(only task {task.Number}'s lead unit's reporter writes its completion report).");

    private static V1.CompletionReport ToProto(
        TrackedTask task,
        CompletionReport report,
        Guid lead,
        IReadOnlyList<(decimal Value, string Period)?> computed)
    {
        var stored = report.Version > 0;
        var index = task.LeadUnitIds.IndexOf(lead);
        var proto = new V1.CompletionReport
        {
            TaskId = task.Id.ToString(),
            Year = report.Year,
            TaskNumber = task.Number,
            TaskText = task.Text,
            Category = task.Category ?? string.Empty,
            LeadUnitId = lead.ToString(),
            LeadUnitName = index >= 0 && index < task.LeadUnitNames.Count ? task.LeadUnitNames[index] : string.Empty,
            Status = stored ? (V1.ReportStatus)(int)report.Status : V1.ReportStatus.Unspecified,
            Outcome = (V1.CompletionOutcome)(int)report.Outcome,
            OutcomeName = report.Outcome == CompletionOutcome.None
                ? string.Empty
                : Wording.Outcome(report.Outcome),
            Summary = report.Summary,
            PrefilledFromClosure = report.PrefilledFromClosure,
            TaskClosedOn = task.ClosedOn is { } closedOn ? Date(closedOn) : string.Empty,
            ReturnComment = report.ReturnComment ?? string.Empty,
            SubmittedBy = report.SubmittedBy ?? string.Empty,
            SubmittedAt = report.SubmittedAt is { } s ? Timestamp.FromDateTimeOffset(s) : null,
            ReviewedBy = report.ReviewedBy ?? string.Empty,
            ReviewedAt = report.ReviewedAt is { } r ? Timestamp.FromDateTimeOffset(r) : null,
            Version = report.Version,
            Exists = stored,
            EvidencePeriod = CompletionPeriod.Of(report.Year),
        };
        for (var i = 0; i < task.Targets.Count; i++)
        {
            var target = task.Targets[i];
            var row = new V1.CompletionTarget
            {
                Target = i, Text = target.Text, Unit = target.Unit ?? string.Empty, Direction = target.Direction,
            };
            if (target.Value is { } value)
            {
                row.TargetValue = (double)value;
            }

            if (target.Baseline is { } baseline)
            {
                row.Baseline = (double)baseline;
            }

            if (i < report.FinalValues.Count && report.FinalValues[i] is { } final)
            {
                row.FinalValue = (double)final;
            }

            if (i < computed.Count && computed[i] is { } found)
            {
                row.ComputedValue = (double)found.Value;
                row.ComputedFrom = found.Period;
            }

            proto.Targets.Add(row);
        }

        return proto;
    }

    private static CompletionOutcome ToDomain(V1.CompletionOutcome outcome) => outcome switch
    {
        V1.CompletionOutcome.Unspecified => CompletionOutcome.None,
        V1.CompletionOutcome.Completed => CompletionOutcome.Completed,
        V1.CompletionOutcome.MostlyCompleted => CompletionOutcome.MostlyCompleted,
        V1.CompletionOutcome.NotCompleted => CompletionOutcome.NotCompleted,
        _ => throw new ValidationException("outcome", $"未知的完成情况 {(int)outcome} (unknown outcome)"),
    };

    private static int CheckedYear(int year) =>
        year is >= 2000 and <= 2100 ? year : throw new ValidationException("year", "年度应为2000至2100 (2000 to 2100)");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
