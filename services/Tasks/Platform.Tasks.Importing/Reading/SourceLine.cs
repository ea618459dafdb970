namespace Platform.Tasks.Importing.Reading;

/// <summary>
/// One line of the document's text: a line of a .txt, a paragraph of a .docx or a rebuilt line of a .pdf; a table row
/// of a .docx carries its cells (merged cells repeated into every grid column and row they cover).
/// </summary>
/// <param name="Number">1-based position in the extracted text; the line number a warning names.</param>
/// <param name="Text">The text as printed (cells joined by " | " for a table row).</param>
/// <param name="Cells">The cells of a table row, else null.</param>
/// <param name="TableId">Which table of the document the row belongs to, else null.</param>
internal sealed record SourceLine(int Number, string Text, IReadOnlyList<string>? Cells = null, int? TableId = null);
