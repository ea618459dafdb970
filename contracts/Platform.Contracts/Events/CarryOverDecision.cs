namespace Platform.Contracts.Events;

/// <summary>
/// What the office decided for an unfinished task of a closed year when it imported the next year's list.
/// </summary>
public enum CarryOverDecision
{
    /// <summary>Added to the new draft as a task of its own, linked to its history.</summary>
    Carried,

    /// <summary>Linked to a task of the new list that continues it.</summary>
    Matched,

    /// <summary>Closed as not continued, with a reason.</summary>
    Dropped,
}
