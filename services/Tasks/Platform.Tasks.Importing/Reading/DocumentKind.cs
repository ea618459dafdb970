namespace Platform.Tasks.Importing.Reading;

internal enum DocumentKind
{
    Text,
    Docx,
    Pdf,
}
