namespace Platform.Tasks.Importing;

/// <summary>
/// The input is not a document the importer can read (empty, not a document, a renamed zip, a PDF without text, no
/// recognisable task). The message names the problem in words a district office understands.
/// </summary>
public sealed class DocumentRejectedException(string reason, string message) : Exception(message)
{
    /// <summary>
    /// A stable code: "empty", "unsupported-format", "corrupt-docx", "corrupt-pdf" (unreadable or encrypted PDF),
    /// "pdf-without-text", "no-tasks", "too-large".
    /// </summary>
    public string Reason { get; } = reason;
}
