using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Units.V1;
using Platform.Units.Directory;

namespace Platform.Units.Tests;

/// <summary>
/// A district loads its units and people from the directory workbook: the preview names every row's problem and
/// writes nothing; the import writes all of it in one transaction or nothing; each new person gets a one-time
/// password (also as a workbook) and must choose their own at the first sign-in; the same workbook uploaded again
/// creates nothing twice.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class DirectoryImportTests(UnitsApp app)
{
    [Fact]
    public async Task APreviewNamesEveryRowsProblemAndAnImportWithProblemsWritesNothing()
    {
        var office = await app.OfficeAsync();
        var units = app.Units();
        var s = Guid.NewGuid().ToString("N")[..5];
        var workbook = Workbook(
            [
                ["区档案馆" + s, "档案馆" + s, "单位", ""],
                ["区档案馆" + s, "", "", ""],                       // the same name twice
                ["区方志办" + s, "区经信委", "", ""],               // an alias 区经济信息委 already has
                ["区史志办" + s, "", "部门", ""],                   // no such kind
                ["区地志办" + s, "", "", "不存在的单位组" + s],      // an unknown group
                ["区市场监管局", "", "", ""],                       // already in the directory: left as it is
            ],
            [
                ["yz.da" + s, "档案员", "区档案馆" + s, "牵头单位填报人", "da@example.gov.cn", ""],
                // the same username, differently cased
                ["YZ.DA" + s, "重复", "区档案馆" + s, "unit-reporter", "", ""],
                ["yz.xx" + s, "某人", "不存在的单位" + s, "unit-reporter", "", ""],
                ["yz.yy" + s, "某人", "", "platform-admin", "", ""],               // not a district's role
                // a reporter without a unit, a bad e-mail
                ["yz.zz" + s, "某人", "", "unit-reporter", "not-an-address", ""],
                ["yz.scj", "已有", "区市场监管局", "unit-reporter", "", ""],        // already an account
            ]);

        var preview = await units.PreviewDirectoryImportAsync(
            new DirectoryImportRequest { Content = ByteString.CopyFrom(workbook) },
            office);
        Problem(preview, "单位", 3, "重复");
        Problem(preview, "单位", 4, "区经济信息委");
        Problem(preview, "单位", 5, "单位组");
        Problem(preview, "单位", 6, "不存在的单位组" + s);
        Assert.Equal("exists", Row(preview, "单位", 7).Action);
        Problem(preview, "人员", 3, "重复");
        Problem(preview, "人员", 4, "不存在的单位" + s);
        Problem(preview, "人员", 5, "platform-admin");
        Assert.True(Row(preview, "人员", 6).Problems.Count >= 2);
        Assert.Equal("exists", Row(preview, "人员", 7).Action);
        Assert.Empty(Row(preview, "单位", 2).Problems);
        Assert.Equal(8, preview.RowsWithProblems);

        var refused = await Assert.ThrowsAsync<RpcException>(() => units.ApplyDirectoryImportAsync(
            new DirectoryImportRequest { Content = ByteString.CopyFrom(workbook) }, office).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Empty((await units.ListUnitsAsync(new ListUnitsRequest { Query = "区档案馆" + s }, office)).Units);
        Assert.DoesNotContain(
            (await app.Access().ListAccountsAsync(new ListAccountsRequest(), office)).Accounts,
            a => a.Username == "yz.da" + s);
    }

    [Fact]
    public async Task AClearWorkbookIsImportedInOneGoAndItsPeopleChooseTheirOwnPasswords()
    {
        var office = await app.OfficeAsync();
        var units = app.Units();
        var s = Guid.NewGuid().ToString("N")[..5];
        // As Excel saves it: shared strings, columns in another order, a blank row.
        var workbook = SharedStringsWorkbook(
            [
                ["类型", "名称", "所属单位组", "别名"],
                ["单位组", "各社区" + s, "", ""],
                ["", "区档案局" + s, "各社区" + s, "档案局" + s + "、区档案" + s],
                ["", "", "", ""],
                ["单位", "区方志局" + s, "各社区" + s, ""],
            ],
            [
                ["用户名", "姓名", "单位", "角色", "邮箱", "手机"],
                [
                    "yz.dan" + s,
                    "档案员",
                    "档案局" + s,
                    "牵头单位填报人、单位负责人",
                    "dan@example.gov.cn",
                    "13800001111"],
                ["yz.fang" + s, "方志员", "区方志局" + s, "unit-contributor", "", ""],
            ]);

        var preview = await units.PreviewDirectoryImportAsync(
            new DirectoryImportRequest { Content = ByteString.CopyFrom(workbook) },
            office);
        Assert.Equal(0, preview.RowsWithProblems);
        Assert.Equal((3, 2), (preview.UnitsToCreate, preview.AccountsToCreate));
        Assert.Empty((await units.ListUnitsAsync(new ListUnitsRequest { Query = "区档案局" + s }, office)).Units);

        var result = await units.ApplyDirectoryImportAsync(
            new DirectoryImportRequest { Content = ByteString.CopyFrom(workbook) },
            office);
        Assert.Equal(2, result.Accounts.Count);
        var dan = result.Accounts.Single(a => a.Username == "yz.dan" + s);
        Assert.Equal(["unit-reporter", "unit-leader"], dan.Roles);
        Assert.True(dan.MustChangePassword);
        Assert.Equal(12, dan.InitialPassword.Length);
        var handedOut = ReadCells(result.InitialPasswords.Content.ToByteArray());
        Assert.Contains(handedOut, r => r.SequenceEqual(["yz.dan" + s, "档案员", dan.InitialPassword]));

        var group =
            (await units.ListUnitsAsync(new ListUnitsRequest { Query = "各社区" + s }, office)).Units.Single();
        var archive =
            (await units.ListUnitsAsync(new ListUnitsRequest { Query = "区档案局" + s }, office)).Units.Single();
        Assert.Equal(UnitKind.Group, group.Kind);
        Assert.Equal(2, group.MemberIds.Count);
        Assert.Contains(archive.Id, group.MemberIds);
        Assert.Equal(["档案局" + s, "区档案" + s], archive.Aliases);
        Assert.Equal(archive.Id, dan.UnitId);
        Assert.Contains(
            (await units.ListUnitAuditAsync(new ListUnitAuditRequest { UnitId = archive.Id }, office)).Entries,
            e => e.Action == "created");

        // The person must choose their own password first.
        var (status, _) = await app.SignInAsync("yz.dan" + s, dan.InitialPassword);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            HttpStatusCode.OK,
            (await app.SignInAsync("yz.dan" + s, dan.InitialPassword, newPassword: "dan-own-secret")).Status);

        // The same workbook again: everything exists, nothing is created twice.
        var again = await units.ApplyDirectoryImportAsync(
            new DirectoryImportRequest { Content = ByteString.CopyFrom(workbook) },
            office);
        Assert.Empty(again.Accounts);
        Assert.All(again.Preview.Rows, r => Assert.Equal("exists", r.Action));
    }

    [Fact]
    public async Task OnlyTheOfficeImportsAndAnythingButAWorkbookIsAClearRefusal()
    {
        var units = app.Units();
        var office = await app.OfficeAsync();
        var template = await units.GetDirectoryTemplateAsync(new GetDirectoryTemplateRequest(), office);
        var (templateUnits, templateAccounts) = DirectorySheet.Read(template.Content.ToByteArray());
        Assert.Equal(2, templateUnits.Count);
        Assert.Single(templateAccounts);

        foreach (var content in new[]
        {
            Array.Empty<byte>(),
            "not a workbook"u8.ToArray(),
            DirectorySheet.Write([("其他", ["名称"], [["x"]])]),
        })
        {
            var bad = await Assert.ThrowsAsync<RpcException>(() => units.PreviewDirectoryImportAsync(
                new DirectoryImportRequest { Content = ByteString.CopyFrom(content) }, office).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        }

        var reporter = UnitsApp.Bearer(await app.TokenAsync("yz.scj"));
        var viewer = UnitsApp.Bearer(await app.TokenAsync("cq.viewer"));
        foreach (var who in new[] { reporter, viewer })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => units.ApplyDirectoryImportAsync(
                new DirectoryImportRequest { Content = template.Content }, who).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }
    }

    private static DirectoryImportRow Row(DirectoryImportPreview preview, string sheet, int row) =>
        preview.Rows.Single(r => r.Sheet == sheet && r.Row == row);

    private static void Problem(DirectoryImportPreview preview, string sheet, int row, string mentions) =>
        Assert.Contains(Row(preview, sheet, row).Problems, p => p.Contains(mentions, StringComparison.Ordinal));

    private static byte[] Workbook(IEnumerable<string[]> units, IEnumerable<string[]> accounts) =>
        DirectorySheet.Write([
            (DirectorySheet.UnitsSheet, DirectorySheet.UnitHeaders, units),
            (DirectorySheet.AccountsSheet, DirectorySheet.AccountHeaders, accounts)]);

    /// <summary>
    /// A workbook as spreadsheet programs save one: every text in the shared string table, cells with references.
    /// </summary>
    private static byte[] SharedStringsWorkbook(string[][] units, string[][] accounts)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            var sheetRows = new[] { (DirectorySheet.UnitsSheet, units), (DirectorySheet.AccountsSheet, accounts) };
            foreach (var (name, rows) in sheetRows)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Length; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        if (rows[r][c].Length == 0)
                        {
                            continue;
                        }

                        strings.SharedStringTable.Append(new SharedStringItem(new Text(rows[r][c])));
                        var index = strings.SharedStringTable.Elements<SharedStringItem>().Count() - 1;
                        row.Append(new Cell
                        {
                            CellReference = $"{(char)('A' + c)}{r + 1}",
                            DataType = CellValues.SharedString,
                            CellValue = new CellValue(index),
                        });
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static List<string[]> ReadCells(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var part = (WorksheetPart)document.WorkbookPart!
            .GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        return part.Worksheet
            .GetFirstChild<SheetData>()!
            .Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray())
            .ToList();
    }
}
