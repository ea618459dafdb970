namespace Platform.Chaos;

/// <summary>One look at the stack after a fault: what still keeps it from having converged, and the events counted
/// missing or applied twice so far.</summary>
public sealed record Evaluation(List<string> Pending, List<string> Findings, int LostEvents, int Duplicated)
{
    public bool Converged => Pending.Count == 0 && Findings.Count == 0;
}
