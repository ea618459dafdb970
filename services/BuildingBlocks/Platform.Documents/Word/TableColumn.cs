namespace Platform.Documents.Word;

/// <summary>A table column to size: its header, how it is sized and its limits in character cells (CJK = 2).</summary>
/// <param name="Header">The header text; a column is never narrower than its header.</param>
/// <param name="Sizing">How the column takes its width.</param>
/// <param name="Cells">
/// For <see cref="ColumnSizing.Capped"/> the most cells it takes; for <see cref="ColumnSizing.Fill"/> the fewest it
/// may get before the table no longer fits the page (unless its content is narrower).
/// </param>
public sealed record TableColumn(string Header, ColumnSizing Sizing, int Cells = 0);
