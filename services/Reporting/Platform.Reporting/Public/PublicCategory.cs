namespace Platform.Reporting.Public;

/// <summary>A category of the list (市场准入, …) with its tasks in list order.</summary>
public sealed record PublicCategory(string Name, IReadOnlyList<PublicTask> Tasks);
