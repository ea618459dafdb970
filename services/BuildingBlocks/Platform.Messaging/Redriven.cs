namespace Platform.Messaging;

public sealed record Redriven(string Queue, int Moved);
