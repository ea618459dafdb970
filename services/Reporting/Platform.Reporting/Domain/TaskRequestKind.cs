namespace Platform.Reporting.Domain;

public enum TaskRequestKind
{
    /// <summary>延期申请: a later deadline.</summary>
    Extension = 1,

    /// <summary>办结: the task is done, with evidence, for the office to verify.</summary>
    Closure = 2,
}
