using Platform.Contracts.Events;

namespace Platform.Reporting.Tests;

/// <summary>A task list as the task list service publishes it: a list of 2023, each time with a new id.</summary>
public static class PublishedLists
{
    public static TaskListPublished Of(string tenant, int version, DateOnly issuedOn, params PublishedTask[] tasks) =>
        new()
        {
            TenantId = tenant,
            TaskListId = Guid.NewGuid(),
            Year = 2023,
            Version = version,
            IssuedOn = issuedOn,
            Tasks = [.. tasks],
        };
}
