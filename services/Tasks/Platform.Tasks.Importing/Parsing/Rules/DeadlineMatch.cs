namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// A deadline phrase found in a text: its position, the phrase as printed and the date it means (if any).
/// </summary>
internal sealed record DeadlineMatch(int Index, int Length, string Text, DateOnly? Date);
