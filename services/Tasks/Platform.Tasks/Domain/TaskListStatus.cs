namespace Platform.Tasks.Domain;

public enum TaskListStatus
{
    Draft = 1,
    Published = 2,
    Archived = 3,
}
