namespace Platform.Reporting.Domain;

/// <summary>A task's status as the public sees it: never the internal light.</summary>
public enum PublicStatus
{
    /// <summary>未开始: no monthly report was ever submitted.</summary>
    NotStarted = 1,

    /// <summary>推进中: at least one monthly report was submitted.</summary>
    InProgress = 2,

    /// <summary>已完成: the closure was verified, or the completion report was accepted as 完成.</summary>
    Completed = 3,
}
