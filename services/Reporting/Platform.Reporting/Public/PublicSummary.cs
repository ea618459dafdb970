namespace Platform.Reporting.Public;

/// <summary>The closed year's outcomes as the office accepted them, and its summary.</summary>
public sealed record PublicSummary(int Completed, int MostlyCompleted, int NotCompleted, string Text);
