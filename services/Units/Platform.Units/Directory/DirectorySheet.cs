using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Contracts.Documents;
using Platform.Documents.Sheets;
using Platform.ServiceDefaults.Errors;

namespace Platform.Units.Directory;

/// <summary>
/// The district directory as an .xlsx workbook an office fills in: a 单位 sheet (名称, 别名, 类型,
/// 所属单位组) and a 人员 sheet (用户名, 姓名, 单位, 角色, 邮箱, 手机), lists within a cell
/// separated by 、 or a comma. Sheets are found by name and columns by their header, so an office may reorder them;
/// blank rows are skipped.
/// </summary>
public static class DirectorySheet
{
    public const string UnitsSheet = "单位";
    public const string AccountsSheet = "人员";
    public const int MaxRows = 2_000;
    public const long MaxUncompressedBytes = 20L * 1024 * 1024;

    public static readonly string[] UnitHeaders = ["名称", "别名", "类型", "所属单位组"];
    public static readonly string[] AccountHeaders = ["用户名", "姓名", "单位", "角色", "邮箱", "手机"];

    private static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', '\n'];

    /// <summary>
    /// The empty workbook with its two sheets, their headers, one example row each, and a sheet of instructions.
    /// </summary>
    public static byte[] Template() => Write(
    [
        (UnitsSheet, UnitHeaders, [
            ["区发展改革委", "区发改委、发展改革委", "单位", ""],
            ["各街道办事处", "各街道", "单位组", ""]]),
        (AccountsSheet, AccountHeaders, [[
            "yz.zhangsan",
            "张三",
            "区发展改革委",
            "牵头单位填报人",
            "zhangsan@example.gov.cn",
            "13800000000"]]),
        ("说明", ["说明"],
        [
            ["单位：名称必填；别名可填多个，用顿号分隔；" +
                "类型为“单位”或“单位组”（不填为单位）；" +
                "所属单位组填已有或本表中的单位组名称。"],
            ["人员：用户名为 3–64 位小写字母、数字、点、下划线或连字符；" +
                "单位填本表或系统中已有的单位名称或别名；角色可填多个，用顿号分隔。"],
            ["角色：区督办室管理员、区领导、牵头单位填报人、协办单位填报人、" +
                "单位负责人（或 district-admin、district-leader、unit-reporter、unit-contributor、" +
                "unit-leader）。"],
            ["上传后先预览每一行的问题，全部无误后一次性导入；" +
                "新人员各得一个一次性初始密码，可下载为表格交给本人，" +
                "首次登录须改密码。"],
            ["示例行请删除或改成真实数据后再上传。"],
        ]),
    ]);

    /// <summary>
    /// A workbook of the given sheets, each a header row and its rows, through the platform's sheet writer (sized
    /// columns, a frozen shaded header, a filter, landscape one page wide). No title row: the header stays the first
    /// row, where <see cref="Read(byte[])"/> looks for it.
    /// </summary>
    public static byte[] Write(IEnumerable<(string Name, string[] Headers, IEnumerable<string[]> Rows)> sheets) =>
        SheetWriter.Write(sheets.Select(s => SheetContent.OfText(s.Name, s.Headers, s.Rows)).ToList());

    /// <summary>
    /// The rows of both sheets; an unreadable or oversized workbook, or one without either sheet, is refused.
    /// </summary>
    public static (List<UnitRow> Units, List<AccountRow> Accounts) Read(byte[] content)
    {
        if (content.Length == 0)
        {
            throw new ValidationException("content", "the workbook is empty");
        }

        if (ZipPackage.CheckLimits(content, MaxUncompressedBytes) is { } tooLarge)
        {
            throw new ValidationException("content", tooLarge);
        }

        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
            var workbook = document.WorkbookPart ?? throw new ValidationException("content", "not an .xlsx workbook");
            var units = Rows(workbook, UnitsSheet, UnitHeaders)
                .Select(r => new UnitRow(r.Row, r.Cells[0], List(r.Cells[1]), r.Cells[2], List(r.Cells[3])))
                .ToList();
            var accounts = Rows(workbook, AccountsSheet, AccountHeaders)
                .Select(r => new AccountRow(
                    r.Row,
                    r.Cells[0],
                    r.Cells[1],
                    r.Cells[2],
                    List(r.Cells[3]),
                    r.Cells[4],
                    r.Cells[5]))
                .ToList();
            if (units.Count + accounts.Count == 0)
            {
                throw new ValidationException(
                    "content",
                    $"neither the {UnitsSheet} sheet nor the {AccountsSheet} sheet has a row to import");
            }

            return (units, accounts);
        }
        catch (Exception ex) when (ex is not ValidationException and not OperationCanceledException)
        {
            // Whatever the package or its XML fails with, the answer to the office is the same.
            throw new ValidationException(
                "content",
                "not a readable .xlsx workbook (save it from Excel or WPS as .xlsx and upload again)");
        }
    }

    /// <summary>
    /// A sheet's non-blank rows as cells in the order of <paramref name="headers"/> (missing columns empty).
    /// </summary>
    private static IEnumerable<(int Row, string[] Cells)> Rows(WorkbookPart workbook, string name, string[] headers)
    {
        var sheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value?.Trim() == name);
        if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            yield break;
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable
            .Elements<SharedStringItem>()
            .Select(i => i.InnerText)
            .ToList() ?? [];
        var rows = part.Worksheet.GetFirstChild<SheetData>()?.Elements<Row>().ToList() ?? [];
        if (rows.Count == 0)
        {
            yield break;
        }

        if (rows.Count > MaxRows + 1)
        {
            throw new ValidationException(
                "content",
                $"the {name} sheet has {rows.Count - 1} rows; at most {MaxRows} are imported at once");
        }

        var header = Cells(rows[0], shared);
        var columns = headers
            .Select(h => header.FirstOrDefault(c => c.Value.Trim().StartsWith(h, StringComparison.Ordinal)).Key)
            .ToArray();
        if (columns[0] is null)
        {
            throw new ValidationException("content", $"the {name} sheet has no {headers[0]} column in its first row");
        }

        var number = 1;
        foreach (var row in rows.Skip(1))
        {
            // The row's own number when the file gives one (spreadsheet programs do), else its place in the sheet.
            number = row.RowIndex?.Value is { } index ? (int)index : number + 1;
            var cells = Cells(row, shared);
            var values = columns.Select(c => c is not null
                && cells.TryGetValue(c, out var v) ? v.Trim() : string.Empty).ToArray();
            if (values.Any(v => v.Length > 0))
            {
                yield return (number, values);
            }
        }
    }

    /// <summary>
    /// A row's cells by column letters ("A", "B", …), shared and inline strings and numbers as text.
    /// </summary>
    private static Dictionary<string, string> Cells(Row row, List<string> shared)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference
                ? new string(reference.TakeWhile(char.IsLetter).ToArray())
                : ColumnName(position);
            position = ColumnIndex(column) + 1;
            cells[column] = cell.DataType?.Value == CellValues.SharedString
                && int.TryParse(cell.CellValue?.Text, out var index)
                && index < shared.Count
                ? shared[index]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
                : cell.CellValue?.Text ?? string.Empty;
        }

        return cells;
    }

    private static int ColumnIndex(string column) => column.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private static IReadOnlyList<string> List(string cell) =>
        cell.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct()
            .ToList();
}
