using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;
using Platform.Reporting.Public;
using Platform.ServiceDefaults.Security;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Grpc;

/// <summary>
/// The district office's settings of its public page: the ticks, a preview built by the same code as the anonymous
/// read (so the preview is exactly what would be public), publish and unpublish. Only the district's own office.
/// </summary>
public sealed class PublicPageService(
    ReportingDbContext db,
    ITenantContext caller,
    TimeProvider clock,
    ReportingUnitOfWork changes,
    PublicPageQuery query,
    PublicStatusTracker tracker,
    IMemoryCache cache)
    : V1.PublicPages.PublicPagesBase
{
    private const string Conflict =
        "The public page was changed by someone else at the same time; reload it and try again.";

    public override async Task<V1.PublicPageSettings> GetPublicPage(
        V1.GetPublicPageRequest request,
        ServerCallContext context)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var page = await db.PublicPages.AsNoTracking()
            .SingleOrDefaultAsync(p => p.TenantId == tenant, context.CancellationToken)
            ?? PublicPage.Minimal(tenant);
        return await AnswerAsync(page, context.CancellationToken);
    }

    public override async Task<V1.PublicPageSettings> UpdatePublicPage(
        V1.UpdatePublicPageRequest request,
        ServerCallContext context)
    {
        var (tenant, page) = await LoadAsync(context.CancellationToken);
        var fields = page.Fields;
        fields = Tick(fields, PublicFields.LeadUnits, request.HasLeadUnits ? request.LeadUnits : null);
        fields = Tick(fields, PublicFields.Deadlines, request.HasDeadlines ? request.Deadlines : null);
        fields = Tick(fields, PublicFields.Lights, request.HasLights ? request.Lights : null);
        fields = Tick(fields, PublicFields.Progress, request.HasProgressText ? request.ProgressText : null);
        fields = Tick(fields, PublicFields.Problems, request.HasProblemsText ? request.ProblemsText : null);
        fields = Tick(fields, PublicFields.Summary, request.HasYearSummary ? request.YearSummary : null);
        var summary = request.HasDescription ? request.Description : page.Summary;
        page.Configure(fields, summary, caller.Actor(), clock.GetUtcNow());
        await changes.SaveAsync(Conflict, context.CancellationToken);
        cache.Remove(PublicEndpoints.CacheKey(tenant));
        return await AnswerAsync(page, context.CancellationToken);
    }

    /// <summary>
    /// Publishing records every task's status as it stands, the start from which the feed counts changes.
    /// </summary>
    public override async Task<V1.PublicPageSettings> PublishPublicPage(
        V1.PublishPublicPageRequest request,
        ServerCallContext context)
    {
        var (tenant, page) = await LoadAsync(context.CancellationToken);
        var now = clock.GetUtcNow();
        page.Publish(caller.Actor(), now);
        await tracker.StageAsync(tenant, taskIds: null, now, context.CancellationToken);
        tracker.StagePageEvent(tenant, PublicFeedEntry.Published, now);
        await changes.SaveAsync(Conflict, context.CancellationToken);
        cache.Remove(PublicEndpoints.CacheKey(tenant));
        return await AnswerAsync(page, context.CancellationToken);
    }

    public override async Task<V1.PublicPageSettings> UnpublishPublicPage(
        V1.PublishPublicPageRequest request,
        ServerCallContext context)
    {
        var (tenant, page) = await LoadAsync(context.CancellationToken);
        var now = clock.GetUtcNow();
        page.Unpublish(caller.Actor(), now);
        tracker.StagePageEvent(tenant, PublicFeedEntry.Unpublished, now);
        await changes.SaveAsync(Conflict, context.CancellationToken);
        cache.Remove(PublicEndpoints.CacheKey(tenant));
        return await AnswerAsync(page, context.CancellationToken);
    }

    private static PublicFields Tick(PublicFields fields, PublicFields field, bool? on) => on switch
    {
        true => fields | field,
        false => fields & ~field,
        null => fields,
    };

    private async Task<(string Tenant, PublicPage Page)> LoadAsync(CancellationToken cancellationToken)
    {
        var tenant = caller.RequireDistrictAdmin(PlatformScopes.ReportsWrite);
        var page = await db.PublicPages.SingleOrDefaultAsync(p => p.TenantId == tenant, cancellationToken);
        if (page is null)
        {
            page = PublicPage.Minimal(tenant);
            db.PublicPages.Add(page);
        }

        return (tenant, page);
    }

    private async Task<V1.PublicPageSettings> AnswerAsync(PublicPage page, CancellationToken cancellationToken)
    {
        var view = await query.BuildAsync(page, withFeed: false, cancellationToken);
        var answer = new V1.PublicPageSettings
        {
            DistrictCode = page.TenantId,
            Published = page.Published,
            Fields = new V1.PublicFieldTicks
            {
                LeadUnits = page.Fields.HasFlag(PublicFields.LeadUnits),
                Deadlines = page.Fields.HasFlag(PublicFields.Deadlines),
                Lights = page.Fields.HasFlag(PublicFields.Lights),
                ProgressText = page.Fields.HasFlag(PublicFields.Progress),
                ProblemsText = page.Fields.HasFlag(PublicFields.Problems),
                YearSummary = page.Fields.HasFlag(PublicFields.Summary),
            },
            Description = page.Summary,
            Preview = PublicViewMessages.ToMessage(view),
            PublicPath = "/public/" + page.TenantId,
        };
        if (page.Published && page.PublishedAt is { } at)
        {
            answer.PublishedAt = Timestamp.FromDateTimeOffset(at);
        }

        return answer;
    }
}
