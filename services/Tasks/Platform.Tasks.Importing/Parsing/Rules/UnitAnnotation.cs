namespace Platform.Tasks.Importing.Parsing;

/// <summary>Units and people named by one annotation ("牵头单位：X；责任单位：Y、Z", "X牵头，Y按职责分工负责").</summary>
internal sealed class UnitAnnotation
{
    public List<string> Leads { get; } = [];

    public List<string> Responsibles { get; } = [];

    /// <summary>Units named only as "X负责": the lead when no unit is named as lead.</summary>
    public List<string> Owners { get; } = [];

    public List<string> Leaders { get; } = [];

    /// <summary>Deadline named inside the annotation ("完成时限：2023年底").</summary>
    public string? DeadlineNormalized { get; set; }

    public string? DeadlinePrinted { get; set; }

    public bool IsEmpty => Leads.Count == 0 && Responsibles.Count == 0 && Owners.Count == 0 && Leaders.Count == 0;
}
