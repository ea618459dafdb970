namespace Platform.Tasks.Domain;

/// <summary>A draft's changes against the version in force; a changed task names the fields that differ.</summary>
public sealed record TaskDiff(
    IReadOnlyList<TaskItem> Added,
    IReadOnlyList<TaskItem> Removed,
    IReadOnlyList<(TaskItem Before, TaskItem After, IReadOnlyList<string> Fields)> Changed);
