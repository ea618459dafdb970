using Grpc.Core;
using Platform.Contracts.Events;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>
/// Task lists as the tasks service publishes them, for the directory's count of a unit's open tasks, and the wait for
/// that count.
/// </summary>
internal static class PublishedLists
{
    /// <summary>A district's list; rows of one number are one task, led or shared by each row's unit.</summary>
    public static TaskListPublished List(
        Guid listId,
        int year,
        int version,
        IEnumerable<(Guid TaskId, string Number, string Text, string UnitId, bool Lead)> rows) => new()
    {
        TenantId = "500103",
        TaskListId = listId,
        Year = year,
        Version = version,
        Tasks = rows.GroupBy(t => t.Number).Select(g => new PublishedTask
        {
            TaskId = g.First().TaskId,
            Number = g.Key,
            Text = g.First().Text,
            LeadUnits = g.Where(t => t.Lead).Select(t => new AssignedUnit(Guid.Parse(t.UnitId), "单位")).ToList(),
            ResponsibleUnits = g
                .Where(t => !t.Lead)
                .Select(t => new AssignedUnit(Guid.Parse(t.UnitId), "单位"))
                .ToList(),
        }).ToList(),
        OccurredAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Waits until the directory counts <paramref name="expected"/> open tasks for the unit.</summary>
    public static async Task OpenTasksAsync(
        UnitDirectory.UnitDirectoryClient units,
        string id,
        Metadata office,
        int expected) =>
        await UnitsApp.EventuallyAsync(
            async () => (await units.GetUnitAsync(new GetUnitRequest { Id = id }, office)).OpenTaskCount == expected,
            $"the unit never had {expected} open task(s): the published list did not reach the directory");
}
