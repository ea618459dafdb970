namespace Platform.Portal.Public;

public sealed record PublicCategoryData(string Name, IReadOnlyList<PublicTaskData> Tasks);
