namespace Platform.Tasks.Importing.Parsing;

/// <summary>A numbering prefix found at the start of a line.</summary>
/// <param name="Style">Its style.</param>
/// <param name="Value">Its value (一 → 1).</param>
/// <param name="Printed">The number as printed without punctuation ("（一）" → "一").</param>
/// <param name="Length">How many characters of the line the prefix takes, including trailing whitespace.</param>
internal sealed record NumberingMatch(NumberingStyle Style, int Value, string Printed, int Length);
