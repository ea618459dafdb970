using System.Security.Cryptography;
using Platform.MultiTenancy;

namespace Platform.Reporting.Domain;

/// <summary>A file proving progress or completion: stored with its hash, size-limited and type-checked.</summary>
public sealed class Evidence : ChangeSource, ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskId { get; set; }

    public string? Period { get; set; }

    public Guid? UnitId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>A file checked by <c>EvidencePolicy</c>, stored for a task (and a month, when one is named).</summary>
    public static Evidence Upload(
        TrackedTask task, string? period, Guid? unit, string fileName, string contentType, byte[] content, string by,
        DateTimeOffset now)
    {
        var evidence = new Evidence
        {
            Id = Guid.CreateVersion7(), TenantId = task.TenantId, TaskId = task.Id,
            Period = string.IsNullOrEmpty(period) ? null : period, UnitId = unit, FileName = fileName,
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content, UploadedBy = by, UploadedAt = now,
        };
        evidence.Record(new DomainChange(
            task.TenantId, task.Id, evidence.Period ?? string.Empty, "evidence uploaded", by, now, null,
            DomainChange.Json(new { id = evidence.Id, fileName, size = evidence.Size, sha256 = evidence.Sha256 }),
            Event: null, MovesLights: false));
        return evidence;
    }
}
