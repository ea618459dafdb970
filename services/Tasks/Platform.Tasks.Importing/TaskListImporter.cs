namespace Platform.Tasks.Importing;

/// <summary>Entry point: reads a .txt/.docx/.pdf document and returns what it recognised.</summary>
public static class TaskListImporter
{
    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Detects the format from the content (not only the file name), extracts the text and parses it.
    /// Throws <see cref="DocumentRejectedException"/> for input that is not a readable document with tasks.
    /// </summary>
    public static ParsedTaskList Parse(ReadOnlySpan<byte> content, string fileName) =>
        throw new NotImplementedException("The parser is being written.");
}
