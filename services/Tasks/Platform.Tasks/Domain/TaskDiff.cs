namespace Platform.Tasks.Domain;

/// <summary>
/// A draft's changes against the version in force; a changed task names the fields that differ. A new task that
/// continues an unfinished task of the previous year (carried over or matched) is counted apart from the additions.
/// </summary>
public sealed record TaskDiff(
    IReadOnlyList<TaskItem> Added,
    IReadOnlyList<TaskItem> Removed,
    IReadOnlyList<(TaskItem Before, TaskItem After, IReadOnlyList<string> Fields)> Changed,
    IReadOnlyList<TaskItem> Carried);
