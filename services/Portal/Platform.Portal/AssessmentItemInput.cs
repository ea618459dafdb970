namespace Platform.Portal;

/// <summary>One item of the assessment rules as the office's form posts it (cap blank: no cap).</summary>
public sealed class AssessmentItemInput
{
    public string Kind { get; set; } = string.Empty;

    public bool Enabled { get; set; }

    public double Points { get; set; }

    public double? Cap { get; set; }
}
