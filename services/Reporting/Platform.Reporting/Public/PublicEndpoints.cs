using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.MultiTenancy;
using Platform.Reporting.Data;

namespace Platform.Reporting.Public;

/// <summary>
/// The anonymous read of a district's public page: GET /public/v1/{district code}. It ignores whoever calls (a token,
/// if any, is not even looked at): the page is read in a scope of its own acting for that one district, never in a
/// system scope, so row-level security keeps every other district's rows out of reach. A malformed code is 400, an
/// unknown or unpublished district 404 (the same answer, so publishing states cannot be probed apart). Answers are
/// cached for <see cref="CacheFor"/>, the 404s too, so hammering the endpoint does not reach the database.
/// </summary>
public static class PublicEndpoints
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese as itself (smaller, readable); HTML-significant characters stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapPublicPage(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/public/v1/{code}", [HttpMethods.Get, HttpMethods.Head], ReadAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The cache key of a district's answer; a change of its page forgets it.</summary>
    public static string CacheKey(string code) => "public-page:" + code;

    private static async Task<IResult> ReadAsync(
        string code,
        IServiceScopeFactory scopes,
        IMemoryCache cache,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!DivisionCode.IsValid(code))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad request",
                detail: "code: not a district code (six digits, e.g. 500103)");
        }

        if (!cache.TryGetValue(CacheKey(code), out byte[]? body))
        {
            body = await LoadAsync(code, scopes, cancellationToken);
            cache.Set(CacheKey(code), body, CacheFor);
        }

        if (body is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"district '{code}' has no public page");
        }

        response.Headers.CacheControl = $"public, max-age={(int)CacheFor.TotalSeconds}";
        return Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static async Task<byte[]?> LoadAsync(
        string code,
        IServiceScopeFactory scopes,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SetTenant(code);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var page = await db.PublicPages.AsNoTracking()
            .SingleOrDefaultAsync(p => p.TenantId == code && p.Published, cancellationToken);
        if (page is null)
        {
            return null;
        }

        var view = await scope.ServiceProvider.GetRequiredService<PublicPageQuery>()
            .BuildAsync(page, withFeed: true, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(view, Json);
    }
}
