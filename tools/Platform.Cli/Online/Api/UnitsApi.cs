namespace Platform.Cli.Online.Api;

/// <summary>The answers of /api/v1/units: the directory, its changes and the directory workbook.</summary>
internal static class UnitsApi
{
    public const string GroupKind = "UNIT_KIND_GROUP";

    public sealed record Unit(
        string Id = "", string Name = "", string Kind = "", string? RetiredAt = null, string MergedIntoId = "")
    {
        public IReadOnlyList<string> Aliases { get; init; } = [];

        /// <summary>Its name or one of its aliases, exactly.</summary>
        public bool IsCalled(string name) => Name == name || Aliases.Contains(name);
    }

    public sealed record UnitList
    {
        public IReadOnlyList<Unit> Units { get; init; } = [];
    }

    public sealed record Merge(long OpenTasksMoved = 0, long AccountsMoved = 0, long GroupsChanged = 0)
    {
        public Unit Unit { get; init; } = new();

        public Unit Into { get; init; } = new();
    }

    /// <summary>A generated workbook, base64 in the answer.</summary>
    public sealed record Workbook(string Content = "");

    public sealed record ImportRow(string Sheet = "", int Row = 0, string Name = "", string Action = "")
    {
        public IReadOnlyList<string> Problems { get; init; } = [];

        public IReadOnlyList<string> Warnings { get; init; } = [];
    }

    public sealed record ImportPreview(long UnitsToCreate = 0, long AccountsToCreate = 0, long RowsWithProblems = 0)
    {
        public IReadOnlyList<ImportRow> Rows { get; init; } = [];
    }

    public sealed record ImportApplied
    {
        public ImportPreview Preview { get; init; } = new();

        public Workbook? InitialPasswords { get; init; }

        public IReadOnlyList<AccountsApi.WithPassword> Accounts { get; init; } = [];
    }
}
