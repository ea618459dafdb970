using Platform.Contracts.Events;
using Platform.Reporting.Data;
using Platform.Reporting.Public;

namespace Platform.Reporting.Consumers;

/// <summary>The task's public status after a monthly report submitted (未开始 → 推进中).</summary>
public sealed class PublicStatusOnReportSubmitted(
    ReportingDbContext db,
    PublicStatusTracker tracker,
    TimeProvider clock,
    ILogger<PublicStatusOnReportSubmitted> logger)
    : PublicStatusConsumer<ReportSubmitted>(db, tracker, clock, logger);
