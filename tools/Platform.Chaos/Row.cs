using System.Globalization;

/// <summary>One line of the table: an experiment's figures, summed over its repeats (recovery: the slowest).</summary>
internal sealed class Row(string name)
{
    public string Name => name;

    public int Acknowledged { get; set; }

    public int LostWrites { get; set; }

    public int LostEvents { get; set; }

    public int Duplicated { get; set; }

    public int FalseEscalations { get; set; }

    public double? Recovery { get; set; }

    public bool Converged { get; set; } = true;

    public bool Broken { get; set; }

    public bool Passed =>
        Converged && !Broken && LostWrites == 0 && LostEvents == 0 && Duplicated == 0 && FalseEscalations == 0;

    public override string ToString()
    {
        var recovery = Converged && !Broken && Recovery is { } s
            ? s.ToString("0.0", CultureInfo.InvariantCulture)
            : "not converged";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {Name} | {Acknowledged} | {Math.Max(0, Acknowledged - LostWrites)} | {LostWrites + LostEvents} | "
                + $"{Duplicated} | {FalseEscalations} | {recovery} |");
    }
}
