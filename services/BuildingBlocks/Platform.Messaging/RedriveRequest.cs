namespace Platform.Messaging;

/// <summary>The body of POST …/queues:redrive: one queue, or all of them when absent.</summary>
public sealed record RedriveRequest(string? Queue);
