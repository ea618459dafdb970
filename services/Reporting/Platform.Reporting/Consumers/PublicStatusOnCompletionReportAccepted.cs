using Platform.Contracts.Events;
using Platform.Reporting.Data;
using Platform.Reporting.Public;

namespace Platform.Reporting.Consumers;

/// <summary>The task's public status after a completion report accepted as 完成 (→ 已完成).</summary>
public sealed class PublicStatusOnCompletionReportAccepted(
    ReportingDbContext db,
    PublicStatusTracker tracker,
    TimeProvider clock,
    ILogger<PublicStatusOnCompletionReportAccepted> logger)
    : PublicStatusConsumer<CompletionReportAccepted>(db, tracker, clock, logger);
