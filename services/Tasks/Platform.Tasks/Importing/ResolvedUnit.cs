namespace Platform.Tasks.Importing;

public sealed record ResolvedUnit(Guid Id, string Name);
