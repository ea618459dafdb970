/// <summary>What the seed reads of the gateway's answers.</summary>
internal static class SeedAnswers
{
    public const string Published = "TASK_LIST_STATUS_PUBLISHED";

    public sealed record Token(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken);

    /// <summary>
    /// An answer the seed reads nothing of: it only has to be a success (or a 409 where that is allowed).
    /// </summary>
    public sealed record Ignored;

    /// <summary>Something created whose id the seed goes on with: an evidence file.</summary>
    public sealed record Created(string Id = "");

    public sealed record Unit(string Id = "", string Name = "")
    {
        public IReadOnlyList<string> Aliases { get; init; } = [];
    }

    public sealed record UnitList
    {
        public IReadOnlyList<Unit> Units { get; init; } = [];
    }

    public sealed record TaskList(string Id = "", string Status = "");

    public sealed record TaskListPage
    {
        public IReadOnlyList<TaskList> TaskLists { get; init; } = [];
    }

    public sealed record UnresolvedName(string PrintedName = "");

    public sealed record ImportReport(int TaskCount = 0)
    {
        public IReadOnlyList<UnresolvedName> UnresolvedUnits { get; init; } = [];

        public IReadOnlyList<System.Text.Json.JsonElement> Warnings { get; init; } = [];
    }

    public sealed record Imported
    {
        public TaskList TaskList { get; init; } = new();

        public ImportReport Report { get; init; } = new();
    }

    public sealed record LeadUnit(string UnitName = "", string PrintedName = "", string UnitId = "")
    {
        /// <summary>The directory's name, else the name as printed.</summary>
        public string Name => UnitName.Length > 0 ? UnitName : PrintedName;
    }

    public sealed record Target(double? Value = null, double? Baseline = null);

    public sealed record PublishedTask(string Id = "", string Text = "", string Deadline = "")
    {
        public IReadOnlyList<LeadUnit> LeadUnits { get; init; } = [];

        public IReadOnlyList<Target> Targets { get; init; } = [];

        /// <summary>The lead units the directory knows (only those have reporters).</summary>
        public IReadOnlyList<LeadUnit> Leads => [.. LeadUnits.Where(u => u.UnitId.Length > 0)];

        public string LeadName => Leads.Select(l => l.Name).FirstOrDefault() ?? string.Empty;
    }

    public sealed record TaskPage
    {
        public IReadOnlyList<PublishedTask> Tasks { get; init; } = [];
    }

    public sealed record Period(string Key = "");

    public sealed record PeriodList
    {
        public IReadOnlyList<Period> Periods { get; init; } = [];
    }

    public sealed record Report(bool Exists = false);

    public sealed record ReportList
    {
        public IReadOnlyList<Report> Reports { get; init; } = [];
    }

    public sealed record Clock(DateTimeOffset Now);
}
