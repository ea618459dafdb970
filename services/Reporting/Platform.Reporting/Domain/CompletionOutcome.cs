namespace Platform.Reporting.Domain;

/// <summary>A task's outcome at year's end, as its lead unit reports it and the office accepts it.</summary>
public enum CompletionOutcome
{
    /// <summary>Not chosen yet (a draft).</summary>
    None,

    /// <summary>完成.</summary>
    Completed,

    /// <summary>基本完成.</summary>
    MostlyCompleted,

    /// <summary>未完成.</summary>
    NotCompleted,
}
