using System.Text.Json;
using Platform.MultiTenancy;

/// <summary>
/// The demo directory file (deploy/local/demo/directory.json): what the seed loads, district by district.
/// </summary>
internal sealed record DemoDirectory
{
    /// <summary>Posted as they are: the seed reads nothing of them.</summary>
    public IReadOnlyList<JsonElement> Tenants { get; init; } = [];

    public IReadOnlyList<Account> Accounts { get; init; } = [];

    /// <summary>Each district's units, by its division code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Unit>> Units { get; init; } =
        new Dictionary<string, IReadOnlyList<Unit>>();

    /// <summary>Posted as they are: the seed reads nothing of them.</summary>
    public IReadOnlyList<JsonElement> Clients { get; init; } = [];

    public IReadOnlyList<TaskListFile> TaskLists { get; init; } = [];

    public IReadOnlyList<ReportsOf> DemoReports { get; init; } = [];

    public static async Task<DemoDirectory> ReadAsync(string path) =>
        JsonSerializer.Deserialize<DemoDirectory>(await File.ReadAllTextAsync(path), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{path} is empty.");

    /// <summary>The district's office account the seed works as.</summary>
    public Account DistrictAdmin(string tenant) =>
        Accounts.First(a => a.TenantId == tenant && a.Roles.Contains(PlatformRoles.DistrictAdmin));

    /// <summary>A person of the directory; <see cref="Unit"/> names their unit, which the seed creates first.</summary>
    public sealed record Account(string Username, string DisplayName, string TenantId, string? Unit = null)
    {
        public IReadOnlyList<string> Roles { get; init; } = [];
    }

    /// <summary>A unit; kind "group" for a group of units.</summary>
    public sealed record Unit(string Name, string? Kind = null)
    {
        public IReadOnlyList<string> Aliases { get; init; } = [];
    }

    /// <summary>A district's annual list, a document beside the directory file.</summary>
    public sealed record TaskListFile(string TenantId, int Year, string File);

    /// <summary>A district whose reports the seed writes; <see cref="Full"/> for every state, else a sample.</summary>
    public sealed record ReportsOf(string TenantId, string AccountPrefix, bool Full = false);
}
