using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Tasks.Data;
using Platform.Tasks.Domain;
using V1 = Platform.Contracts.Tasks.V1;

namespace Platform.Tasks.Grpc;

/// <summary>
/// Carry-over (结转) on a draft of the next year: the closed year's unfinished tasks with their decisions and the
/// draft's tasks of similar text; the office carries a task over (a new task of the draft linked to its history),
/// matches it to a task of the draft, or drops it with a reason. Publishing the draft fixes the decisions.
/// </summary>
public sealed class CarryOverDesk(TasksDbContext db, ITenantContext caller, IOutbox outbox, TimeProvider clock)
{
    public async Task<V1.CarryOver> GetAsync(string listId, CancellationToken cancellationToken)
    {
        var list = await LoadListAsync(listId, cancellationToken);
        var state = await LoadStateAsync(list, cancellationToken);
        var proto = new V1.CarryOver
        {
            TaskListId = list.Id.ToString(),
            Year = list.Year,
            FromYear = list.Year - 1,
            Editable = list.Status == TaskListStatus.Draft,
        };
        proto.Candidates.AddRange(state.Candidates.Select(c => ToProto(list, state, c)));
        return proto;
    }

    public async Task<V1.CarryOverCandidate> CarryAsync(V1.CarryOverActionRequest request, CancellationToken token)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var (list, state, candidate, choice) = await OpenAsync(request, token);
        if (choice.Decision == CarryOverDecision.Carried && choice.ToTaskId is not null && choice.FixedAt is null
            && list.Tasks.Any(t => t.Id == choice.ToTaskId))
        {
            return ToProto(list, state, candidate); // carried already: carrying again adds no second copy
        }

        Undo(list, choice);
        var old = await db.Tasks.Include(t => t.Units).AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == candidate.FromTaskId && t.TenantId == list.TenantId, token);
        var task = NewTask(list, candidate, old);
        list.Tasks.Add(task);
        db.Tasks.Add(task);
        choice.Carry(task.Id);
        await SaveAsync(token);
        await transaction.CommitAsync(token);
        return ToProto(list, state, candidate);
    }

    public async Task<V1.CarryOverCandidate> MatchAsync(V1.CarryOverActionRequest request, CancellationToken token)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var (list, state, candidate, choice) = await OpenAsync(request, token);
        var taskId = Caller.ParseId(request.TaskId, "task_id", "task");
        var task = list.Tasks.SingleOrDefault(t => t.Id == taskId)
            ?? throw new ValidationException("task_id", "请选择本草稿中的一项任务");
        if (task.CarriedFromTaskId is { } from && from != candidate.FromTaskId)
        {
            throw new PreconditionException($"任务 {task.Number} 已承接上年度另一项任务，不能再对应。");
        }

        if (choice.Decision == CarryOverDecision.Carried && choice.ToTaskId == task.Id)
        {
            throw new ValidationException("task_id", "这是结转时新增的任务；如不需要，请改为对应或不再继续");
        }

        Undo(list, choice);
        task.CarriedFromTaskId = candidate.FromTaskId;
        task.CarriedFromYear = candidate.FromYear;
        choice.Match(task.Id);
        await SaveAsync(token);
        await transaction.CommitAsync(token);
        return ToProto(list, state, candidate);
    }

    public async Task<V1.CarryOverCandidate> DropAsync(V1.CarryOverActionRequest request, CancellationToken token)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var (list, state, candidate, choice) = await OpenAsync(request, token);
        var reason = CarryOverChoice.CheckReason(request.Reason); // before anything is undone
        Undo(list, choice);
        choice.Drop(reason);
        await SaveAsync(token);
        await transaction.CommitAsync(token);
        return ToProto(list, state, candidate);
    }

    /// <summary>
    /// Locks the list's row until the caller's transaction ends, before the list is read: a decision and the list's
    /// publication take turns, so a decision is either in the published list (and its event) or refused — never
    /// saved on a list published meanwhile without its event.
    /// </summary>
    public async Task LockListAsync(string id, CancellationToken cancellationToken)
    {
        var listId = Caller.ParseId(id, "id", "task list");
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM task_lists WHERE \"Id\" = {listId} FOR UPDATE",
            cancellationToken);
    }

    /// <summary>
    /// Fixes the list's decisions as it is published and enqueues one TaskCarriedOver per decision, saved with the
    /// publication in one transaction: the list cannot be published without its events, nor the events sent twice.
    /// </summary>
    public async Task FixOnPublishAsync(TaskList list, CancellationToken cancellationToken)
    {
        var choices = await db.CarryOverChoices
            .Where(c => c.TaskListId == list.Id && c.TenantId == list.TenantId && c.FixedAt == null)
            .ToListAsync(cancellationToken);
        if (choices.Count == 0)
        {
            return;
        }

        var ids = choices.Select(c => c.FromTaskId).ToList();
        var candidates = await db.CarryOverCandidates.Where(c => ids.Contains(c.FromTaskId))
            .ToDictionaryAsync(c => c.FromTaskId, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var choice in choices)
        {
            outbox.Enqueue(choice.Fix(candidates[choice.FromTaskId], list.Year, now));
        }
    }

    private async Task<(TaskList, CarryOverState, CarryOverCandidate, CarryOverChoice)> OpenAsync(
        V1.CarryOverActionRequest request, CancellationToken cancellationToken)
    {
        caller.RequireDistrictAdmin(PlatformScopes.TasksWrite);
        await LockListAsync(request.Id, cancellationToken);
        var list = await LoadListAsync(request.Id, cancellationToken);
        var fromTaskId = Caller.ParseId(request.FromTaskId, "from_task_id", "task");
        list.EnsureDraft("changed");
        var state = await LoadStateAsync(list, cancellationToken);
        var candidate = state.Candidates.SingleOrDefault(c => c.FromTaskId == fromTaskId)
            ?? throw new NotFoundException("carry-over task", request.FromTaskId);
        if (state.FixedElsewhere.ContainsKey(fromTaskId))
        {
            throw new PreconditionException("该任务的结转决定已随另一版清单发布，不能再更改。");
        }

        if (!state.Choices.TryGetValue(fromTaskId, out var choice))
        {
            choice = new CarryOverChoice
            {
                Id = Guid.NewGuid(),
                TenantId = list.TenantId,
                TaskListId = list.Id,
                FromTaskId = fromTaskId,
                DecidedBy = caller.Actor(),
            };
            db.CarryOverChoices.Add(choice);
            state.Choices[fromTaskId] = choice;
        }

        choice.DecidedBy = caller.Actor();
        choice.DecidedAt = clock.GetUtcNow();
        return (list, state, candidate, choice);
    }

    /// <summary>Takes back what the decision so far did to the draft: a carried copy goes, a match unlinks.</summary>
    private void Undo(TaskList list, CarryOverChoice choice)
    {
        var task = choice.ToTaskId is { } id ? list.Tasks.SingleOrDefault(t => t.Id == id) : null;
        if (task is null)
        {
            return;
        }

        if (choice.Decision == CarryOverDecision.Carried)
        {
            list.Tasks.Remove(task);
            db.Tasks.Remove(task);
        }
        else if (choice.Decision == CarryOverDecision.Matched)
        {
            task.CarriedFromTaskId = null;
            task.CarriedFromYear = null;
        }
    }

    /// <summary>
    /// The unfinished task as a new task at the end of the draft: its text, category, units, targets and indicators,
    /// linked to it. The deadline stays for the office to set (last year's would fall outside this year).
    /// </summary>
    private static TaskItem NewTask(TaskList list, CarryOverCandidate candidate, TaskItem? old)
    {
        var numbers = list.Tasks.Select(t => int.TryParse(t.Number, out var n) ? n : 0).DefaultIfEmpty(0);
        var task = new TaskItem
        {
            Id = Guid.NewGuid(),
            TenantId = list.TenantId,
            TaskListId = list.Id,
            Number = (numbers.Max() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Order = list.Tasks.Select(t => t.Order).DefaultIfEmpty(0).Max() + 1,
            Category = old?.Category ?? candidate.Category,
            Text = old?.Text ?? candidate.Text,
            Indicators = [.. old?.Indicators ?? []],
            Targets = [.. old?.Targets ?? []],
            CarriedFromTaskId = candidate.FromTaskId,
            CarriedFromYear = candidate.FromYear,
        };
        task.Units = old is not null
            ? old.Units.Select(u => new TaskUnit
            {
                TenantId = list.TenantId,
                TaskItemId = task.Id,
                Role = u.Role,
                Order = u.Order,
                PrintedName = u.PrintedName,
                UnitId = u.UnitId,
                UnitName = u.UnitName,
            }).ToList()
            : candidate.LeadUnits.Select((u, i) => Unit(task, UnitRole.Lead, i, u))
                .Concat(candidate.ResponsibleUnits.Select((u, i) => Unit(task, UnitRole.Responsible, i, u)))
                .ToList();
        return task;
    }

    private static TaskUnit Unit(TaskItem task, UnitRole role, int order, AssignedUnit unit) => new()
    {
        TenantId = task.TenantId,
        TaskItemId = task.Id,
        Role = role,
        Order = order,
        PrintedName = unit.Name,
        UnitId = unit.UnitId,
        UnitName = unit.Name,
    };

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new PreconditionException("该任务刚刚被他人同时处理；请刷新后重试。");
        }
    }

    private async Task<TaskList> LoadListAsync(string id, CancellationToken cancellationToken)
    {
        caller.Require(PlatformScopes.TasksRead);
        var listId = Caller.ParseId(id, "id", "task list");
        return await db.TaskLists
            .Include(l => l.Tasks).ThenInclude(t => t.Units)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Id == listId && l.TenantId == caller.TenantId, cancellationToken)
            ?? throw new NotFoundException("task list", id);
    }

    /// <summary>
    /// The previous year's candidates, this list's decisions, and those fixed by a published list of the same year.
    /// A previous year not closed (no candidates) is refused: there is nothing to carry over yet.
    /// </summary>
    private async Task<CarryOverState> LoadStateAsync(TaskList list, CancellationToken cancellationToken)
    {
        var fromYear = list.Year - 1;
        var candidates = await db.CarryOverCandidates
            .Where(c => c.TenantId == list.TenantId && c.FromYear == fromYear)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            throw new PreconditionException($"{fromYear} 年度尚未结束考核结账（或没有未完成的任务），没有可结转的任务。");
        }

        var sorted = candidates.OrderBy(c => NumberKey(c.Number)).ThenBy(c => c.Number, StringComparer.Ordinal)
            .ToList();
        var ids = sorted.Select(c => c.FromTaskId).ToList();
        var choices = await db.CarryOverChoices
            .Where(c => c.TenantId == list.TenantId && ids.Contains(c.FromTaskId))
            .ToListAsync(cancellationToken);
        var fixedElsewhere = choices.Where(c => c.TaskListId != list.Id && c.FixedAt != null)
            .GroupBy(c => c.FromTaskId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.FixedAt).First());
        var taskNumbers = await TaskNumbersAsync(fixedElsewhere.Values, cancellationToken);
        return new CarryOverState(
            sorted,
            choices.Where(c => c.TaskListId == list.Id).ToDictionary(c => c.FromTaskId),
            fixedElsewhere,
            taskNumbers);
    }

    private async Task<Dictionary<Guid, string>> TaskNumbersAsync(
        IEnumerable<CarryOverChoice> choices, CancellationToken cancellationToken)
    {
        var ids = choices.Where(c => c.ToTaskId is not null).Select(c => c.ToTaskId!.Value).ToList();
        return ids.Count == 0
            ? []
            : await db.Tasks.Where(t => ids.Contains(t.Id))
                .ToDictionaryAsync(t => t.Id, t => t.Number, cancellationToken);
    }

    private static V1.CarryOverCandidate ToProto(TaskList list, CarryOverState state, CarryOverCandidate candidate)
    {
        var proto = new V1.CarryOverCandidate
        {
            FromTaskId = candidate.FromTaskId.ToString(),
            FromYear = candidate.FromYear,
            Number = candidate.Number,
            Category = candidate.Category ?? string.Empty,
            Text = candidate.Text,
            Outcome = candidate.Outcome,
        };
        proto.LeadUnits.AddRange(candidate.LeadUnits.Select(u => u.Name));
        var elsewhere = state.FixedElsewhere.GetValueOrDefault(candidate.FromTaskId);
        var choice = elsewhere ?? state.Choices.GetValueOrDefault(candidate.FromTaskId);
        if (choice is not null && (choice.ToTaskId is not null || choice.Decision == CarryOverDecision.Dropped))
        {
            proto.Decision = choice.Decision.ToString().ToLowerInvariant();
            proto.ToTaskId = choice.ToTaskId?.ToString() ?? string.Empty;
            proto.ToTaskNumber = choice.ToTaskId is { } to
                ? list.Tasks.SingleOrDefault(t => t.Id == to)?.Number ?? state.TaskNumbers.GetValueOrDefault(to, "")
                : string.Empty;
            proto.Reason = choice.Reason ?? string.Empty;
            proto.DecidedBy = choice.DecidedBy;
            proto.DecidedAt = Timestamp.FromDateTimeOffset(choice.DecidedAt);
            proto.Fixed = choice.FixedAt is not null;
        }

        // Tasks that continue another unfinished task are not offered again, nor the task's own carried copy.
        var copy = choice is { Decision: CarryOverDecision.Carried } ? choice.ToTaskId : null;
        var offered = list.Tasks
            .Where(t => t.CarriedFromTaskId is null || t.CarriedFromTaskId == candidate.FromTaskId)
            .Where(t => t.Id != copy)
            .OrderBy(t => t.Order);
        proto.Suggestions.AddRange(TextSimilarity.Rank(candidate.Text, offered, t => t.Text).Select(s =>
            new V1.CarryOverSuggestion
            {
                TaskId = s.Item.Id.ToString(),
                Number = s.Item.Number,
                Text = s.Item.Text,
                Score = Math.Round(s.Score, 3),
            }));
        return proto;
    }

    private static int NumberKey(string number) => int.TryParse(number, out var n) ? n : int.MaxValue;
}
