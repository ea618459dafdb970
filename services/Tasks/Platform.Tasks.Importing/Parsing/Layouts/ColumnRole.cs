namespace Platform.Tasks.Importing.Parsing;

internal enum ColumnRole
{
    Other,
    Number,
    Category,
    Text,
    Lead,
    Responsible,
    Deadline,
    Leader,

    /// <summary>The higher level's task the row's measures carry out (上级部署任务): context, not a task.</summary>
    Context,
}
