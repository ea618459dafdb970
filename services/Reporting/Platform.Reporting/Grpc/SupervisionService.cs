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
/// Contributions of responsible units, extension and closure requests and evidence. A contributor writes only its own
/// unit's part of tasks its unit is responsible for; a lead unit's reporter asks for extensions and closure of its
/// tasks; the district office decides; everyone of the district reads; other districts see nothing.
/// </summary>
public sealed class SupervisionService(
    ReportingDbContext db,
    ITenantContext caller,
    TimeProvider clock,
    DistrictCalendar calendar,
    ReportingUnitOfWork changes)
    : V1.Supervision.SupervisionBase
{
    private const string Conflict = "Someone else changed this at the same time; reload and try again.";

    public override async Task<V1.Contribution> SaveContribution(
        V1.SaveContributionRequest request,
        ServerCallContext context)
    {
        caller.RequireDistrictWriter(PlatformScopes.ReportsWrite);
        var task = await FindTaskAsync(request.TaskId, context.CancellationToken);
        var period = await RequirePeriodAsync(task, request.Period, context.CancellationToken);
        var index = Guid.TryParse(caller.UnitId, out var unit) ? task.ResponsibleUnitIds.IndexOf(unit) : -1;
        if (index < 0
            || !(caller.Roles.Contains(PlatformRoles.UnitContributor)
                || caller.Roles.Contains(PlatformRoles.UnitReporter)))
        {
            throw new ForbiddenException(
                $"Only a responsible unit of task {task.Number} writes a contribution to it, and only its own.");
        }

        var contribution = await db.Contributions
            .SingleOrDefaultAsync(
                c => c.TaskId == task.Id && c.Period == period && c.UnitId == unit,
                context.CancellationToken);
        if (contribution is null)
        {
            contribution = new Contribution
            {
                Id = Guid.CreateVersion7(), TenantId = task.TenantId, TaskId = task.Id, Period = period, UnitId = unit,
                UnitName = index < task.ResponsibleUnitNames.Count ? task.ResponsibleUnitNames[index] : string.Empty,
                UpdatedBy = Actor,
            };
            db.Contributions.Add(contribution);
        }

        contribution.Write(request.Text, Actor, clock.GetUtcNow());
        await changes.SaveAsync(Conflict, context.CancellationToken);
        return ToProto(contribution);
    }

    public override async Task<V1.ListContributionsResponse> ListContributions(
        V1.ListContributionsRequest request,
        ServerCallContext context)
    {
        ReadTenant();
        var task = await FindTaskAsync(request.TaskId, context.CancellationToken);
        var period = await RequirePeriodAsync(task, request.Period, context.CancellationToken);
        var response = new V1.ListContributionsResponse();
        var contributions = await ContributionsAsync(db, task.Id, period, context.CancellationToken);
        response.Contributions.AddRange(contributions.Select(ToProto));
        return response;
    }

    public override async Task<V1.TaskRequest> RequestExtension(
        V1.RequestExtensionRequest request,
        ServerCallContext context)
    {
        var (task, lead) = await LeadTaskAsync(request.TaskId, context.CancellationToken);
        if (!DateOnly.TryParseExact(
            request.RequestedDeadline,
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var deadline))
        {
            throw new ValidationException("requested_deadline", "use yyyy-MM-dd, e.g. 2024-03-31");
        }

        if (task.ClosedOn is not null)
        {
            throw new PreconditionException($"Task {task.Number} is closed; a closed task is not extended.");
        }

        var created = TaskRequest.Extension(task, lead, request.Reason, deadline, Actor, clock.GetUtcNow());
        return await SubmitAsync(task, created, context.CancellationToken);
    }

    public override async Task<V1.TaskRequest> RequestClosure(
        V1.RequestClosureRequest request,
        ServerCallContext context)
    {
        var (task, lead) = await LeadTaskAsync(request.TaskId, context.CancellationToken);
        var ids = request.EvidenceIds.Select(id => Caller.ParseId(id, "evidence_ids", "evidence")).Distinct().ToList();
        var found = await db.Evidence
            .Where(e => ids.Contains(e.Id) && e.TaskId == task.Id)
            .Select(e => e.Id)
            .ToListAsync(context.CancellationToken);
        if (ids.Except(found).FirstOrDefault() is var missing && missing != Guid.Empty)
        {
            throw new NotFoundException("evidence", missing.ToString());
        }

        var created = TaskRequest.Closure(task, lead, request.Reason, ids, Actor, clock.GetUtcNow());
        return await SubmitAsync(task, created, context.CancellationToken);
    }

    public override async Task<V1.TaskRequest> DecideTaskRequest(
        V1.DecideTaskRequestRequest request,
        ServerCallContext context)
    {
        caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        if (!request.HasApprove)
        {
            throw new ValidationException("approve", "is required: true to grant the request, false to refuse it");
        }

        var id = Caller.ParseId(request.Id, "id", "request");
        var found = await db.Requests.SingleOrDefaultAsync(
            r => r.Id == id && r.TenantId == caller.TenantId,
            context.CancellationToken)
            ?? throw new NotFoundException("request", request.Id);
        var task = await db.Tasks.SingleAsync(t => t.Id == found.TaskId, context.CancellationToken);
        DateOnly? deadline = null;
        if (!string.IsNullOrWhiteSpace(request.Deadline))
        {
            deadline = DateOnly.TryParseExact(
                request.Deadline,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var d)
                ? d : throw new ValidationException("deadline", "use yyyy-MM-dd, e.g. 2024-03-31");
        }

        found.Decide(task, request.Approve, deadline, request.Comment, Actor, clock.GetUtcNow(), calendar.Today);
        await changes.SaveAsync(Conflict, context.CancellationToken);
        return ToProto(found, task);
    }

    public override async Task<V1.ListTaskRequestsResponse> ListTaskRequests(
        V1.ListTaskRequestsRequest request,
        ServerCallContext context)
    {
        var tenant = ReadTenant();
        var query = db.Requests.Where(r => r.TenantId == tenant);
        if (!string.IsNullOrEmpty(request.TaskId))
        {
            var taskId = Caller.ParseId(request.TaskId, "task_id", "task");
            query = query.Where(r => r.TaskId == taskId);
        }

        if (request.Status != V1.TaskRequestStatus.Unspecified)
        {
            var status = (TaskRequestStatus)(int)request.Status;
            query = query.Where(r => r.Status == status);
        }

        var found = await query.OrderByDescending(r => r.RequestedAt).Take(500).ToListAsync(context.CancellationToken);
        var taskIds = found.Select(r => r.TaskId).Distinct().ToList();
        var tasks = await db.Tasks
            .Where(t => taskIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, context.CancellationToken);
        var response = new V1.ListTaskRequestsResponse();
        response.Requests.AddRange(found.Select(r => ToProto(r, tasks[r.TaskId])));
        return response;
    }

    public override async Task<V1.ListEvidenceResponse> ListEvidence(
        V1.ListEvidenceRequest request,
        ServerCallContext context)
    {
        ReadTenant();
        var task = await FindTaskAsync(request.TaskId, context.CancellationToken);
        var files = await db.Evidence.AsNoTracking().Where(e => e.TaskId == task.Id).OrderBy(e => e.UploadedAt)
            .Select(e => new
            {
                e.Id,
                e.TaskId,
                e.Period,
                e.FileName,
                e.ContentType,
                e.Size,
                e.Sha256,
                e.UploadedBy,
                e.UploadedAt,
            })
            .ToListAsync(context.CancellationToken);
        var response = new V1.ListEvidenceResponse();
        response.Files.AddRange(files.Select(e => new V1.EvidenceFile
        {
            Id = e.Id.ToString(),
            TaskId = e.TaskId.ToString(),
            Period = e.Period ?? string.Empty,
            FileName = e.FileName,
            ContentType = e.ContentType,
            Size = e.Size,
            Sha256 = e.Sha256,
            UploadedBy = e.UploadedBy,
            UploadedAt = Timestamp.FromDateTimeOffset(e.UploadedAt),
        }));
        return response;
    }

    /// <summary>The contributions of one task's month, oldest first: they pre-fill the lead unit's draft.</summary>
    public static Task<List<Contribution>> ContributionsAsync(
        ReportingDbContext db,
        Guid taskId,
        string period,
        CancellationToken cancellationToken) =>
        db.Contributions
            .AsNoTracking()
            .Where(c => c.TaskId == taskId && c.Period == period)
            .OrderBy(c => c.UpdatedAt)
            .ToListAsync(cancellationToken);

    public static V1.Contribution ToProto(Contribution c) => new()
    {
        TaskId = c.TaskId.ToString(),
        Period = c.Period,
        UnitId = c.UnitId.ToString(),
        UnitName = c.UnitName,
        Text = c.Text,
        UpdatedBy = c.UpdatedBy, UpdatedAt = Timestamp.FromDateTimeOffset(c.UpdatedAt),
    };

    private async Task<V1.TaskRequest> SubmitAsync(
        TrackedTask task,
        TaskRequest created,
        CancellationToken cancellationToken)
    {
        var pending = db.Requests.Where(r => r.TaskId == task.Id
            && r.Kind == created.Kind
            && r.Status == TaskRequestStatus.Pending);
        if (await pending.AnyAsync(cancellationToken))
        {
            throw new PreconditionException(
                $"Task {task.Number} already has a pending {created.KindName} request; "
                + "wait for the office's decision.");
        }

        db.Requests.Add(created);
        await changes.SaveAsync(Conflict, cancellationToken);
        return ToProto(created, task);
    }

    /// <summary>A task the caller's unit leads, for a lead unit's reporter.</summary>
    private async Task<(TrackedTask Task, Guid Lead)> LeadTaskAsync(string taskId, CancellationToken cancellationToken)
    {
        caller.RequireDistrictWriter(PlatformScopes.ReportsWrite);
        var task = await FindTaskAsync(taskId, cancellationToken);
        if (!caller.Roles.Contains(PlatformRoles.UnitReporter)
            || !Guid.TryParse(caller.UnitId, out var unit)
            || !task.LeadUnitIds.Contains(unit))
        {
            throw new ForbiddenException(
                $"Task {task.Number} is led by {string.Join("、", task.LeadUnitNames)}; "
                + "only its lead unit's reporter asks for this.");
        }

        return (task, unit);
    }

    private string Actor => caller.Actor();

    private string ReadTenant() => caller.RequireReportReader();

    private Task<TrackedTask> FindTaskAsync(string taskId, CancellationToken cancellationToken) =>
        db.FindTaskAsync(caller, taskId, cancellationToken);

    private async Task<string> RequirePeriodAsync(
        TrackedTask task,
        string period,
        CancellationToken cancellationToken) =>
        (await db.FindPeriodAsync(task, period, cancellationToken)).Key;

    private static V1.TaskRequest ToProto(TaskRequest r, TrackedTask task)
    {
        var proto = new V1.TaskRequest
        {
            Id = r.Id.ToString(),
            TaskId = r.TaskId.ToString(),
            TaskNumber = task.Number,
            Kind = (V1.TaskRequestKind)(int)r.Kind,
            Status = (V1.TaskRequestStatus)(int)r.Status,
            Reason = r.Reason,
            RequestedDeadline = Date(r.RequestedDeadline),
            GrantedDeadline = Date(r.GrantedDeadline),
            RequestedBy = r.RequestedBy,
            RequestedAt = Timestamp.FromDateTimeOffset(r.RequestedAt),
            DecidedBy = r.DecidedBy ?? string.Empty,
            DecidedAt = r.DecidedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            DecisionComment = r.DecisionComment ?? string.Empty,
            TaskDeadline = Date(task.EffectiveDeadline),
            TaskClosedOn = Date(task.ClosedOn),
        };
        proto.EvidenceIds.AddRange(r.EvidenceIds.Select(id => id.ToString()));
        return proto;
    }

    private static string Date(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
