using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Uploads;

/// <summary>
/// Evidence files over plain HTTP (a gRPC message is the wrong shape for a file):
/// POST /api/v1/evidence?task_id=&amp;period= with a multipart "file", GET /api/v1/evidence/{id} for the file.
/// Listing is ListEvidence in the Supervision service.
/// </summary>
public static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/evidence", UploadAsync);
        app.MapGet("/api/v1/evidence/{id}", DownloadAsync);
        return app;
    }

    private static async Task<IResult> UploadAsync(
        HttpRequest request,
        string? task_id,
        string? period,
        ReportingDbContext db,
        ITenantContext caller,
        TimeProvider clock,
        IConfiguration configuration,
        ReportingUnitOfWork changes, CancellationToken cancellationToken)
    {
        if (!caller.Scopes.Contains(PlatformScopes.ReportsWrite)
            || caller.IsReadOnly
            || caller.TenantId is not { } tenant)
        {
            return Forbidden("This needs the 'reports.write' permission in a district.");
        }

        var task = Guid.TryParse(task_id, out var id)
            ? await db.Tasks.SingleOrDefaultAsync(t => t.Id == id && t.TenantId == tenant, cancellationToken)
            : null;
        if (task is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"task '{task_id}' was not found");
        }

        var unit = Guid.TryParse(caller.UnitId, out var u) ? u : (Guid?)null;
        var isOffice = caller.Roles.Contains(PlatformRoles.DistrictAdmin);
        if (!isOffice
            && (unit is null
                || !(task.LeadUnitIds.Contains(unit.Value) || task.ResponsibleUnitIds.Contains(unit.Value))))
        {
            return Forbidden($"Only the units of task {task.Number} and the district office upload its evidence.");
        }

        // A month ("2023-07") or a year's completion report ("2023-YE").
        if (!string.IsNullOrEmpty(period)
            && !PeriodKey.TryParse(period, out _, out _)
            && !CompletionPeriod.TryParse(period, out _))
        {
            return BadRequest("period: use yyyy-MM, e.g. 2023-07, or yyyy-YE for a completion report");
        }

        if (!request.HasFormContentType)
        {
            return BadRequest("file: send the file as multipart/form-data in a part named 'file'");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            // Over the body limit (413) or a broken request: Kestrel's own verdict, with its status.
            return Results.Problem(
                statusCode: ex.StatusCode,
                title: "The request is not valid",
                detail: $"file: {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // A missing boundary, a part cut short, headers over the limits: the caller's body, not our fault.
            return BadRequest($"file: the multipart body cannot be read ({ex.Message})");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return BadRequest("file: send the file as multipart/form-data in a part named 'file'");
        }

        var maxBytes = configuration.GetValue("Reporting:MaxEvidenceBytes", EvidencePolicy.DefaultMaxBytes);
        if (file.Length > maxBytes)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request too large",
                detail: $"the file is {file.Length} bytes; the limit is {maxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var name = EvidencePolicy.CleanName(file.FileName);
        var (contentType, error) = EvidencePolicy.Check(name, content, maxBytes);
        if (error is not null)
        {
            return BadRequest($"file: {error}");
        }

        var now = clock.GetUtcNow();
        var evidence = Domain.Evidence.Upload(task, period, unit, name, contentType!, content, caller.Actor(), now);
        db.Evidence.Add(evidence);
        await changes.SaveAsync("The evidence could not be stored; try again.", cancellationToken);
        return Results.Created($"/api/v1/evidence/{evidence.Id}", new
        {
            id = evidence.Id,
            taskId = task.Id,
            period = evidence.Period,
            fileName = name,
            contentType,
            size = evidence.Size,
            sha256 = evidence.Sha256,
            uploadedAt = now,
        });
    }

    private static async Task<IResult> DownloadAsync(
        string id,
        HttpResponse response,
        ReportingDbContext db,
        ITenantContext caller,
        CancellationToken cancellationToken)
    {
        if (!caller.Scopes.Contains(PlatformScopes.ReportsRead) || caller.TenantId is not { } tenant)
        {
            return Forbidden("This needs the 'reports.read' permission.");
        }

        var evidence = Guid.TryParse(id, out var key)
            ? await db.Evidence
                .AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == key && e.TenantId == tenant, cancellationToken)
            : null;
        if (evidence is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"evidence '{(id.Length > 64 ? id[..64] : id)}' was not found");
        }

        response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(evidence.Content, evidence.ContentType, evidence.FileName);
    }

    private static IResult Forbidden(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid", detail: detail);
}
