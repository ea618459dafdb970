namespace Platform.Messaging;

public sealed record QueueDepth(string Queue, uint Ready, uint Error, uint Skipped);
