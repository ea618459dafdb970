using System.Security.Cryptography;
using System.Text;
using Platform.MultiTenancy;

namespace Platform.Notifications.Domain;

/// <summary>
/// A 督办单 that went out: one per district, unit and period. Its row and the SupervisionNoticeIssued event are saved
/// in one transaction with the notifications, so the ladder running again (another pass, another replica, a restart
/// after the save) finds the row and publishes nothing a second time.
/// </summary>
public sealed class SupervisionNotice : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid UnitId { get; set; }

    public required string Period { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>
    /// The notice's id from what it is about (a name-based UUID, version 5 layout over SHA-1): the same 督办单 has the
    /// same id wherever and however often it is computed, so the consumers of the event can count it once.
    /// </summary>
    public static Guid IdOf(string tenant, Guid unit, string period)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"duban-supervision-notice:{tenant}:{unit:N}:{period}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
