namespace Platform.Cli.Online.Api;

/// <summary>The answers of /api/v1/task-lists and /api/v1/tasks.</summary>
internal static class TasksApi
{
    public sealed record Notice(string Title = "", string DocNumber = "", string IssuedOn = "");

    public sealed record TaskList(string Id = "", int Version = 0, int Year = 0)
    {
        public Notice Notice { get; init; } = new();
    }

    public sealed record Suggestion(string Name = "");

    public sealed record UnresolvedUnit(string PrintedName = "")
    {
        public IReadOnlyList<string> TaskNumbers { get; init; } = [];

        public IReadOnlyList<Suggestion> Suggestions { get; init; } = [];
    }

    public sealed record ImportWarning(int Line = 0, string Message = "");

    public sealed record ImportReport(int CategoryCount = 0, int TaskCount = 0, int TargetCount = 0)
    {
        public IReadOnlyList<UnresolvedUnit> UnresolvedUnits { get; init; } = [];

        public IReadOnlyList<ImportWarning> Warnings { get; init; } = [];
    }

    public sealed record Imported
    {
        public TaskList TaskList { get; init; } = new();

        public ImportReport Report { get; init; } = new();
    }

    public sealed record LeadUnit(string UnitName = "", string PrintedName = "", string UnitId = "");

    public sealed record Signature(string UnitId = "", string UnitName = "");

    public sealed record PublishedTask(
        string Id = "", string Number = "", string Category = "", string Deadline = "", string DeadlineText = "",
        string Text = "")
    {
        public IReadOnlyList<LeadUnit> LeadUnits { get; init; } = [];

        public IReadOnlyList<Signature> Signatures { get; init; } = [];
    }

    public sealed record TaskPage(long TotalSize = 0)
    {
        public IReadOnlyList<PublishedTask> Tasks { get; init; } = [];
    }
}
