using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Tasks.Data;
using Platform.Tasks.Domain;

namespace Platform.Tasks.Consumers;

/// <summary>
/// Stores a closed year's unfinished tasks as carry-over candidates of its district. The inbox skips a redelivery; a
/// later closing of the same year (another message) adds only tasks not offered yet and never rewrites one the office
/// may already have decided on.
/// </summary>
public sealed class YearClosedConsumer(TasksDbContext db, TimeProvider clock, ILogger<YearClosedConsumer> logger)
    : InboxConsumer<YearClosed, TasksDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        YearClosed message,
        ConsumeContext<YearClosed> context,
        CancellationToken cancellationToken)
    {
        var ids = message.Unfinished.Select(t => t.TaskId).Distinct().ToList();
        var known = await Db.CarryOverCandidates
            .Where(c => c.TenantId == message.TenantId && ids.Contains(c.FromTaskId))
            .Select(c => c.FromTaskId)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var task in message.Unfinished.DistinctBy(t => t.TaskId).Where(t => !known.Contains(t.TaskId)))
        {
            Db.CarryOverCandidates.Add(new CarryOverCandidate
            {
                FromTaskId = task.TaskId,
                TenantId = message.TenantId,
                FromYear = message.Year,
                Number = Clip(task.Number, 32),
                Category = task.Category is null ? null : Clip(task.Category, 500),
                Text = task.Text,
                Outcome = Clip(task.Outcome, 16),
                LeadUnits = [.. task.LeadUnits],
                ResponsibleUnits = [.. task.ResponsibleUnits],
                ReceivedAt = now,
            });
        }
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}
