using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Directory;
using Platform.Units.Domain;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

/// <summary>
/// The directory workbook: its template, the preview of an upload, and the import in one transaction.
/// </summary>
public sealed partial class UnitDirectoryService
{
    public override Task<V1.DirectoryFile> GetDirectoryTemplate(
        V1.GetDirectoryTemplateRequest request,
        ServerCallContext context)
    {
        caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        return Task.FromResult(new V1.DirectoryFile
        {
            FileName = "单位与人员导入模板.xlsx",
            Content = ByteString.CopyFrom(DirectorySheet.Template()),
        });
    }

    public override async Task<V1.DirectoryImportPreview> PreviewDirectoryImport(
        V1.DirectoryImportRequest request,
        ServerCallContext context) =>
        Preview(await PlanAsync(request, context.CancellationToken));

    public override async Task<V1.DirectoryImportResult> ApplyDirectoryImport(
        V1.DirectoryImportRequest request,
        ServerCallContext context)
    {
        var import = await PlanAsync(request, context.CancellationToken);
        var now = clock.GetUtcNow();
        import.Stage(changes, (unit, action, before) => Record(unit, action switch
        {
            UnitActions.Created => UnitChangeKind.Created,
            _ => UnitChangeKind.MembersChanged,
        }, action, before, null, now));
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A username is unique across the platform; the preview only sees this district's.
            throw new ConflictException("A username or unit name of the workbook was taken meanwhile, or a username " +
                "is used elsewhere on the platform; nothing was imported. Change it and upload again.");
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionException("A group of the workbook was changed by someone else meanwhile; nothing " +
                "was imported. Upload it again.");
        }

        var result = new V1.DirectoryImportResult { Preview = Preview(import) };
        foreach (var (_, account, password) in import.Accounts)
        {
            var created = account.ToProto();
            created.InitialPassword = password;
            result.Accounts.Add(created);
        }

        result.InitialPasswords = new V1.DirectoryFile
        {
            FileName = "初始密码.xlsx",
            Content = ByteString.CopyFrom(DirectorySheet.Write(
            [
                (
                    "初始密码",
                    ["用户名", "姓名", "一次性初始密码"],
                    import.Accounts.Select(a => new[] { a.Account.Username, a.Account.DisplayName, a.Password })),
            ])),
        };
        return result;
    }

    private async Task<DirectoryImport> PlanAsync(
        V1.DirectoryImportRequest request,
        CancellationToken cancellationToken)
    {
        var tenant = caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        caller.Require(PlatformScopes.AccountsWrite);
        var (units, accounts) = DirectorySheet.Read(request.Content.ToByteArray());
        var import = new DirectoryImport(db, caller, identity.Value, clock);
        await import.PlanAsync(tenant, units, accounts, cancellationToken);
        return import;
    }

    private static V1.DirectoryImportPreview Preview(DirectoryImport import)
    {
        var preview = new V1.DirectoryImportPreview
        {
            UnitsToCreate = import.UnitsToCreate,
            AccountsToCreate = import.Accounts.Count,
            RowsWithProblems = import.Plan.Count(p => p.Problems.Count > 0),
        };
        preview.Rows.AddRange(import.Plan.Select(p => new V1.DirectoryImportRow
        {
            Sheet = p.Sheet,
            Row = p.Row,
            Name = p.Name,
            Action = p.Action,
            Problems = { p.Problems },
            Warnings = { p.Warnings },
        }));
        return preview;
    }
}
