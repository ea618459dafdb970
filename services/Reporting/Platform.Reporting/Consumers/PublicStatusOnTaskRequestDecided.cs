using Platform.Contracts.Events;
using Platform.Reporting.Data;
using Platform.Reporting.Public;

namespace Platform.Reporting.Consumers;

/// <summary>The task's public status after a closure approved (→ 已完成).</summary>
public sealed class PublicStatusOnTaskRequestDecided(
    ReportingDbContext db,
    PublicStatusTracker tracker,
    TimeProvider clock,
    ILogger<PublicStatusOnTaskRequestDecided> logger)
    : PublicStatusConsumer<TaskRequestDecided>(db, tracker, clock, logger);
