using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Units.Data;
using Platform.Units.Domain;

namespace Platform.Units.Consumers;

/// <summary>
/// Keeps <see cref="UnitAssignment"/> in step with the published lists: a year's newest version replaces what the
/// directory knew of that year; an older version arriving late, or one applied before, changes nothing. One year of one
/// district at a time (an advisory lock), so two versions arriving together cannot interleave. A unit merged before the
/// list arrived is counted as the unit that took it over.
/// </summary>
public sealed class TaskListPublishedConsumer(UnitsDbContext db, ILogger<TaskListPublishedConsumer> logger)
    : InboxConsumer<TaskListPublished, UnitsDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        TaskListPublished message,
        ConsumeContext<TaskListPublished> context,
        CancellationToken cancellationToken)
    {
        var key = $"unit-assignments:{message.TenantId}:{message.Year}";
        await Db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))",
            cancellationToken);
        var ofYear = Db.UnitAssignments.Where(a => a.TenantId == message.TenantId && a.Year == message.Year);
        if (await ofYear.AnyAsync(
            a => a.ListVersion > message.Version || a.TaskListId == message.TaskListId,
            cancellationToken))
        {
            return;
        }

        await ofYear.ExecuteDeleteAsync(cancellationToken);
        message = new UnitMerges(await Db.Units.Where(u => u.TenantId == message.TenantId && u.MergedIntoId != null)
            .ToDictionaryAsync(u => u.Id, u => (u.MergedIntoId!.Value, string.Empty), cancellationToken))
            .Apply(message);
        foreach (var task in message.Tasks)
        {
            var text = task.Text.Length > UnitAssignment.MaxTextLength
                ? task.Text[..(UnitAssignment.MaxTextLength - 1)] + "…"
                : task.Text;
            var units = task.LeadUnits.Select(u => (u.UnitId, Lead: true))
                .Concat(task.ResponsibleUnits.Select(u => (u.UnitId, Lead: false)))
                .DistinctBy(u => u.UnitId);
            foreach (var (unitId, lead) in units)
            {
                Db.UnitAssignments.Add(new UnitAssignment
                {
                    TenantId = message.TenantId,
                    Year = message.Year,
                    TaskListId = message.TaskListId,
                    ListVersion = message.Version,
                    TaskId = task.TaskId,
                    Number = task.Number.Length > 32 ? task.Number[..32] : task.Number,
                    Text = text,
                    UnitId = unitId,
                    Lead = lead,
                });
            }
        }
    }
}
