using System.Globalization;
using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Tasks.Data;
using Platform.Tasks.Domain;
using Platform.Tasks.Importing;
using V1 = Platform.Contracts.Tasks.V1;

namespace Platform.Tasks.Grpc;

/// <summary>
/// Task lists over gRPC (and REST through transcoding). Only the district office imports, edits and publishes; every
/// account of the district reads; a lead unit's reporter signs for its own unit's tasks; other tenants see nothing.
/// </summary>
public sealed class TaskListService(
    TasksDbContext db,
    ITenantContext caller,
    UnitDirectory units,
    IOutbox outbox,
    TimeProvider clock,
    CarryOverDesk carryOver)
    : V1.TaskLists.TaskListsBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    public override async Task<V1.ImportTaskListResponse> ImportTaskList(
        V1.ImportTaskListRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.TasksWrite);
        if (request.Year is < 2000 or > 2100)
        {
            throw new ValidationException("year", "give the list's year, e.g. 2023");
        }

        var fileName = Path.GetFileName(request.FileName ?? string.Empty).Trim();
        if (fileName.Length is 0 or > 200)
        {
            throw new ValidationException(
                "file_name",
                "give the document's file name (at most 200 characters), e.g. 2023任务清单.docx");
        }

        if (request.Content.Length > TaskListImporter.MaxDocumentBytes)
        {
            throw new ValidationException(
                "content",
                $"the document is {request.Content.Length / 1024 / 1024} MB; "
                + $"the limit is {TaskListImporter.MaxDocumentBytes / 1024 / 1024} MB");
        }

        var directory = await units.NamesAsync(context.CancellationToken);
        ParsedTaskList parsed;
        try
        {
            parsed = TaskListImporter.Parse(request.Content.Span, fileName, directory);
        }
        catch (DocumentRejectedException ex)
        {
            throw new ValidationException("content", ex.Message);
        }

        var resolved = await units.ResolveAsync(
            TaskListBuilder.PrintedUnitNames(parsed).ToList(),
            context.CancellationToken);
        var sha = Convert.ToHexString(SHA256.HashData(request.Content.Span)).ToLowerInvariant();
        var list = TaskListBuilder.Build(
            parsed, tenant, request.Year, fileName, sha, caller.Actor(), clock.GetUtcNow(), resolved);
        db.TaskLists.Add(list);
        await db.SaveChangesAsync(context.CancellationToken);

        var suggestions = resolved.Where(r => r.Value.Unit is null).ToDictionary(r => r.Key, r => r.Value.Suggestions);
        var report = new V1.ParseReport
        {
            CategoryCount = list.Categories.Count,
            TaskCount = list.Tasks.Count,
            TargetCount = list.Tasks.Sum(t => t.Targets.Count),
        };
        report.Warnings.AddRange(list.Warnings.Select(w => w.ToProto()));
        report.UnresolvedUnits.AddRange(
            list.UnresolvedUnits().Select(u => Mapping.Unresolved(u.PrintedName, u.TaskNumbers, suggestions)));
        return new V1.ImportTaskListResponse { TaskList = list.ToProto(withTasks: true, suggestions), Report = report };
    }

    public override async Task<V1.ListTaskListsResponse> ListTaskLists(
        V1.ListTaskListsRequest request,
        ServerCallContext context)
    {
        var tenant = ReadTenant();
        var query = db.TaskLists.Include(l => l.Tasks).ThenInclude(t => t.Units).Where(l => l.TenantId == tenant);
        if (request.Year != 0)
        {
            query = query.Where(l => l.Year == request.Year);
        }

        var lists = await query.AsSplitQuery()
            .OrderByDescending(l => l.Year)
            .ThenByDescending(l => l.CreatedAt)
            .ToListAsync(context.CancellationToken);
        var response = new V1.ListTaskListsResponse();
        response.TaskLists.AddRange(lists.Select(l => l.ToProto(withTasks: false)));
        return response;
    }

    public override async Task<V1.TaskList> GetTaskList(V1.GetTaskListRequest request, ServerCallContext context)
    {
        ReadTenant();
        return (await LoadAsync(request.Id, context.CancellationToken)).ToProto(withTasks: true);
    }

    public override async Task<V1.TaskList> MapUnitName(V1.MapUnitNameRequest request, ServerCallContext context)
    {
        caller.RequireDistrictAdmin(PlatformScopes.TasksWrite);
        var list = await LoadAsync(request.TaskListId, context.CancellationToken);
        var printed = request.PrintedName?.Trim() ?? string.Empty;
        var places = list.PlacesPrinting(printed);

        ResolvedUnit unit;
        if (request.CreateUnit)
        {
            if (!string.IsNullOrEmpty(request.UnitId))
            {
                throw new ValidationException("unit_id", "give either unit_id or create_unit, not both");
            }

            unit = await units.CreateAsync(printed, context.CancellationToken);
        }
        else
        {
            unit = await units.GetAssignableAsync(
                Caller.ParseId(request.UnitId, "unit_id", "unit"),
                context.CancellationToken);
            if (unit.Name != printed)
            {
                await units.AddAliasAsync(unit.Id, printed, context.CancellationToken);
            }
        }

        foreach (var place in places)
        {
            place.UnitId = unit.Id;
            place.UnitName = unit.Name;
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return list.ToProto(withTasks: true);
    }

    public override async Task<V1.Task> UpdateTask(V1.UpdateTaskRequest request, ServerCallContext context)
    {
        caller.RequireDistrictAdmin(PlatformScopes.TasksWrite);
        var list = await LoadAsync(request.TaskListId, context.CancellationToken);
        var task = list.DraftTask(request.Number);
        if (request.HasText)
        {
            task.Rewrite(request.Text);
        }

        if (request.HasDeadline)
        {
            task.Reschedule(
                request.Deadline.Length == 0
                    ? null
                    : ParseDate(request.Deadline)
                        ?? throw new ValidationException("deadline", "use yyyy-MM-dd, or empty for none"),
                list.Year);
        }

        if (request.HasDeadlineText)
        {
            task.DescribeDeadline(request.DeadlineText);
        }

        if (request.ReplaceTargets)
        {
            task.ReplaceTargets([.. request.Targets.Select(t => t.ToDomain())]);
        }

        if (request.ReplaceIndicators)
        {
            task.ReplaceIndicators(request.Indicators);
        }

        if (request.ReplaceUnits)
        {
            TaskItem.CheckUnitCounts(request.LeadUnits.Count, request.ResponsibleUnits.Count);
            var names = NonEmpty(request.LeadUnits.Concat(request.ResponsibleUnits)).ToList();
            if (names.Any(n => n.Length > 200))
            {
                throw new ValidationException("lead_units", "a unit name is at most 200 characters");
            }

            var resolved = await units.ResolveAsync(names, context.CancellationToken);
            db.TaskUnits.RemoveRange(task.Units);
            var lead = NonEmpty(request.LeadUnits).Distinct().ToList();
            var responsible = NonEmpty(request.ResponsibleUnits).Distinct().Except(lead).ToList();
            task.Units = TaskListBuilder.Units(task, UnitRole.Lead, lead, resolved)
                .Concat(TaskListBuilder.Units(task, UnitRole.Responsible, responsible, resolved)).ToList();
            db.TaskUnits.AddRange(task.Units);
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return task.ToProto(list.Year);
    }

    public override async Task<V1.DiffTaskListResponse> DiffTaskList(
        V1.DiffTaskListRequest request,
        ServerCallContext context)
    {
        ReadTenant();
        var draft = await LoadAsync(request.Id, context.CancellationToken);
        var published = await db.TaskLists.Include(l => l.Tasks).ThenInclude(t => t.Units).AsSplitQuery()
            .SingleOrDefaultAsync(
                l => l.TenantId == draft.TenantId && l.Year == draft.Year && l.Status == TaskListStatus.Published,
                context.CancellationToken);
        return draft.CompareWith(published).ToProto(draft, published);
    }

    public override async Task<V1.TaskList> PublishTaskList(
        V1.PublishTaskListRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.TasksWrite);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await carryOver.LockListAsync(request.Id, context.CancellationToken);
        var list = await LoadAsync(request.Id, context.CancellationToken);
        var versionsOfYear = await db.TaskLists.Where(l => l.TenantId == tenant && l.Year == list.Year)
            .ToListAsync(context.CancellationToken);
        outbox.Enqueue(list.Publish(versionsOfYear, caller.Actor(), clock.GetUtcNow()));
        await carryOver.FixOnPublishAsync(list, context.CancellationToken);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new PreconditionException(
                $"Another version of the {list.Year} list was published at the same time; reload and try again.");
        }

        await transaction.CommitAsync(context.CancellationToken);
        return list.ToProto(withTasks: true);
    }

    public override async Task<V1.ListTasksResponse> ListTasks(V1.ListTasksRequest request, ServerCallContext context)
    {
        ReadTenant();
        var tenant = caller.ReadTenant(request.TenantId, "district");
        var paging = Paging.From(request.PageSize, request.PageToken, DefaultPageSize, MaxPageSize);
        var query = TasksWithListAndUnits().Where(t => t.TenantId == tenant);
        if (!string.IsNullOrEmpty(request.TaskListId))
        {
            var listId = Caller.ParseId(request.TaskListId, "task_list_id", "task list");
            query = query.Where(t => t.TaskListId == listId);
        }
        else
        {
            query = query.Where(t => t.TaskList!.Status == TaskListStatus.Published);
        }

        if (request.Year != 0)
        {
            query = query.Where(t => t.TaskList!.Year == request.Year);
        }

        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            query = query.Where(t => t.Category != null && t.Category.Contains(request.Category));
        }

        if (!string.IsNullOrEmpty(request.UnitId))
        {
            var unitId = Caller.ParseId(request.UnitId, "unit_id", "unit");
            query = query.Where(t => t.Units.Any(u => u.UnitId == unitId));
        }

        if (!string.IsNullOrWhiteSpace(request.UnitName))
        {
            query = query.Where(t => t.Units.Any(u =>
                u.PrintedName.Contains(request.UnitName)
                || (u.UnitName != null && u.UnitName.Contains(request.UnitName))));
        }

        if (!string.IsNullOrWhiteSpace(request.Indicator))
        {
            query = query.Where(t => t.Indicators.Contains(request.Indicator));
        }

        if (!string.IsNullOrEmpty(request.DeadlineBefore))
        {
            var before = ParseDate(request.DeadlineBefore)
                ?? throw new ValidationException("deadline_before", "use yyyy-MM-dd");
            query = query.Where(t => t.Deadline != null && t.Deadline <= before);
        }

        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            if (request.Query.Length > 100)
            {
                throw new ValidationException("query", "at most 100 characters");
            }

            query = query.Where(t => t.Text.Contains(request.Query));
        }

        var total = await query.CountAsync(context.CancellationToken);
        var page = await query.OrderBy(t => t.TaskList!.Year).ThenBy(t => t.TaskListId).ThenBy(t => t.Order)
            .Skip(paging.Offset).Take(paging.Size).AsSplitQuery().ToListAsync(context.CancellationToken);
        var response = new V1.ListTasksResponse { TotalSize = total };
        response.Tasks.AddRange(page.Select(t => t.ToProto(t.TaskList!.Year)));
        response.NextPageToken = paging.NextToken(page.Count, total);

        return response;
    }

    public override async Task<V1.Task> GetTask(V1.GetTaskRequest request, ServerCallContext context)
    {
        ReadTenant();
        var task = await FindTaskAsync(request.Id, context.CancellationToken);
        return task.ToProto(task.TaskList!.Year);
    }

    public override async Task<V1.Task> SignForTask(V1.SignForTaskRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.ReportsWrite);
        var task = await FindTaskAsync(request.Id, context.CancellationToken);
        if (!caller.Roles.Contains(PlatformRoles.UnitReporter) || !Guid.TryParse(caller.UnitId, out var unitId))
        {
            throw new ForbiddenException("Only a lead unit's reporter signs for a task.");
        }

        if (task.SignFor(unitId, caller.Actor(), clock.GetUtcNow()) is { } signed)
        {
            outbox.Enqueue(signed);
            try
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // Signed twice at the same moment: the first signature stands.
            }
        }

        return task.ToProto(task.TaskList!.Year);
    }

    public override Task<V1.CarryOver> GetCarryOver(V1.GetCarryOverRequest request, ServerCallContext context) =>
        carryOver.GetAsync(request.Id, context.CancellationToken);

    public override Task<V1.CarryOverCandidate> CarryTask(
        V1.CarryOverActionRequest request,
        ServerCallContext context) =>
        carryOver.CarryAsync(request, context.CancellationToken);

    public override Task<V1.CarryOverCandidate> MatchTask(
        V1.CarryOverActionRequest request,
        ServerCallContext context) =>
        carryOver.MatchAsync(request, context.CancellationToken);

    public override Task<V1.CarryOverCandidate> DropTask(
        V1.CarryOverActionRequest request,
        ServerCallContext context) =>
        carryOver.DropAsync(request, context.CancellationToken);

    private string ReadTenant()
    {
        caller.Require(PlatformScopes.TasksRead);
        return caller.TenantId ?? throw new ForbiddenException("The token names no tenant.");
    }

    private async Task<TaskList> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var listId = Caller.ParseId(id, "id", "task list");
        return await db.TaskLists
            .Include(l => l.Categories)
            .Include(l => l.Tasks).ThenInclude(t => t.Units)
            .Include(l => l.Tasks).ThenInclude(t => t.Signatures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Id == listId && l.TenantId == caller.TenantId, cancellationToken)
            ?? throw new NotFoundException("task list", id);
    }

    private async Task<TaskItem> FindTaskAsync(string id, CancellationToken cancellationToken)
    {
        var taskId = Caller.ParseId(id, "id", "task");
        return await TasksWithListAndUnits().AsSplitQuery()
            .SingleOrDefaultAsync(t => t.Id == taskId && t.TenantId == caller.TenantId, cancellationToken)
            ?? throw new NotFoundException("task", id);
    }

    private IQueryable<TaskItem> TasksWithListAndUnits() =>
        db.Tasks.Include(t => t.TaskList).Include(t => t.Units).Include(t => t.Signatures);

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static IEnumerable<string> NonEmpty(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0);
}
