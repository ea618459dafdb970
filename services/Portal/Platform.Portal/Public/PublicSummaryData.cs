namespace Platform.Portal.Public;

public sealed record PublicSummaryData(int Completed, int MostlyCompleted, int NotCompleted, string Text);
