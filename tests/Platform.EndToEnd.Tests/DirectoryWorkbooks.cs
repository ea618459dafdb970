namespace Platform.EndToEnd.Tests;

/// <summary>Directory workbooks as an office fills in the template, for the portal's and the CLI's import tests.</summary>
internal static class DirectoryWorkbooks
{
    /// <summary>A workbook of the 单位 and 人员 sheets, header row first, as the office fills in the template.</summary>
    public static byte[] Write(string[][] units, string[][] accounts)
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheets = workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            uint id = 1;
            foreach (var (name, rows) in new[] { ("单位", units), ("人员", accounts) })
            {
                var part = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
                var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
                foreach (var row in rows)
                {
                    data.Append(new DocumentFormat.OpenXml.Spreadsheet.Row(row.Select(text => new DocumentFormat.OpenXml.Spreadsheet.Cell
                    {
                        DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                        InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
                    })));
                }

                part.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
                sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
