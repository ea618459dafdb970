namespace Platform.Notifications.Domain;

public enum ItemState
{
    /// <summary>Nothing submitted yet, or returned: the unit owes this report.</summary>
    Open = 1,
    Submitted = 2,
    Accepted = 3,

    /// <summary>The task was closed (办结): nothing more is owed.</summary>
    Closed = 4,
}
