namespace Platform.Reporting.Domain.Assessment;

/// <summary>A 督办单 a unit received, by its own key (the same notice twice counts once).</summary>
public sealed record NoticeFact(Guid NoticeId, string Period);
