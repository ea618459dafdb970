using Platform.Tasks.Importing.Reading;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// One block of the document as the parser sees it: a paragraph, or a table row with its cells (a Word table); a pipe
/// row ("1 | 事项 | 区财政局") is a paragraph its layout splits. The text as printed and a normalised copy of the same
/// length (<see cref="TextNormalizer"/>).
/// </summary>
internal sealed class Block
{
    public Block(SourceLine source)
    {
        Number = source.Number;
        Norm = TextNormalizer.Normalize(source.Text);
        var start = 0;
        while (start < Norm.Length && IsLeadingJunk(Norm[start]))
        {
            start++;
        }

        var end = Norm.Length;
        while (end > start && char.IsWhiteSpace(Norm[end - 1]))
        {
            end--;
        }

        Trimmed = source.Text[start..end];
        TrimmedNorm = Norm[start..end];
        IsBlank = TrimmedNorm.Length == 0;
        Cells = source.Cells;
        TableId = source.TableId;
        if (source.Cells is not null)
        {
            CellsPrinted = [.. source.Cells];
            CellsNorm = [.. source.Cells.Select(TextNormalizer.Normalize)];
            IsBlank = source.Cells.All(string.IsNullOrWhiteSpace);
        }
        else
        {
            Numbering = Parsing.Numbering.Match(TrimmedNorm);
        }
    }

    /// <summary>1-based line of the source.</summary>
    public int Number { get; }

    public string Norm { get; }

    public string Trimmed { get; }

    public string TrimmedNorm { get; }

    public bool IsBlank { get; }

    public IReadOnlyList<string>? Cells { get; }

    public string[]? CellsPrinted { get; }

    public string[]? CellsNorm { get; }

    public int? TableId { get; }

    public NumberingMatch? Numbering { get; }

    /// <summary>
    /// What a web page's copy leaves before a paragraph: spaces of every width, question marks and U+FFFD where
    /// characters were lost, zero-width spaces and byte-order marks. A paragraph never starts with one of them.
    /// </summary>
    private static bool IsLeadingJunk(char c) => char.IsWhiteSpace(c) || c is '?' or '\uFFFD' or '\u200B' or '\uFEFF';
}
