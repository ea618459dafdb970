namespace Platform.Messaging;

/// <summary>The body of POST …:replay: one tenant, or every tenant when absent.</summary>
public sealed record ReplayRequest(string? Tenant);
