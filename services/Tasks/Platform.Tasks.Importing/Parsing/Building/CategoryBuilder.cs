namespace Platform.Tasks.Importing.Parsing;

/// <summary>A category while its tasks are read.</summary>
internal sealed class CategoryBuilder(string? number, int line, string sourceText)
{
    /// <summary>
    /// As printed; null when the document prints none (a category column): then its position in the list.
    /// </summary>
    public string? Number { get; } = number;

    public int Line { get; } = line;

    public string SourceText { get; } = sourceText;

    public string Title { get; set; } = "";

    public string? Body { get; set; }

    public List<string> Leads { get; } = [];

    public List<string> Responsibles { get; } = [];

    public List<string> Leaders { get; } = [];

    public List<(int Line, string Text)> SourceLines { get; } = [];

    public IReadOnlyList<string> Indicators { get; set; } = [];

    public int TaskCount { get; private set; }

    public bool Kept { get; set; } = true;

    public bool HasUnits => Leads.Count > 0 || Responsibles.Count > 0;

    public void AddTask() => TaskCount++;

    /// <summary>Units named on the heading (or on a line right after it), for the tasks that name none.</summary>
    public void Apply(UnitAnnotation annotation, bool firstIsLead)
    {
        var (leads, responsibles) = UnitAssignment.Roles([annotation], firstIsLead);
        Leads.AddRange(leads.Where(l => !Leads.Contains(l)));
        Responsibles.AddRange(responsibles.Where(r => !Responsibles.Contains(r) && !Leads.Contains(r)));
        Responsibles.RemoveAll(Leads.Contains);
        Leaders.AddRange(annotation.Leaders);
    }

    public ParsedCategory Build(int position) => new()
    {
        Number = Number ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Title = Title,
        LeadUnits = [.. Leads],
        ResponsibleUnits = [.. Responsibles],
        Leaders = [.. Leaders],
        Indicators = Indicators,
    };
}
