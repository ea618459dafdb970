namespace Platform.Documents.Sheets;

/// <summary>
/// A cell's signal colour: the lights print as a coloured cell that still carries the word, so a monochrome printer
/// loses nothing.
/// </summary>
public enum CellTone
{
    None,
    Red,
    Yellow,
    Green,
}
