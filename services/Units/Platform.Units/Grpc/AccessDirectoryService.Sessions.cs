using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Domain;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

/// <summary>
/// A person's own sign-ins and sessions: what they see under 我的账号 and end there when a session is not theirs.
/// The account is always the token's subject, never a parameter, and the reads run under the caller's tenant.
/// </summary>
public sealed partial class AccessDirectoryService
{
    private const int DefaultSignIns = 50;
    private const int MaxSignIns = 200;

    public override async Task<V1.ListMySignInsResponse> ListMySignIns(
        V1.ListMySignInsRequest request, ServerCallContext context)
    {
        var id = OwnAccount();
        var take = request.PageSize <= 0 ? DefaultSignIns : Math.Min(request.PageSize, MaxSignIns);
        var events = await db.SignInEvents.AsNoTracking().Where(e => e.AccountId == id)
            .OrderByDescending(e => e.At).Take(take).ToListAsync(context.CancellationToken);
        var response = new V1.ListMySignInsResponse();
        response.SignIns.AddRange(events.Select(e => new V1.SignInRecord
        {
            At = Timestamp.FromDateTimeOffset(e.At),
            Outcome = e.Outcome,
            ClientAddress = e.ClientAddress ?? string.Empty,
            UserAgent = e.UserAgent ?? string.Empty,
        }));
        return response;
    }

    public override async Task<V1.ListMySessionsResponse> ListMySessions(
        V1.ListMySessionsRequest request, ServerCallContext context)
    {
        var id = OwnAccount();
        var now = clock.GetUtcNow();
        // A session's live token is its newest, neither rotated, ended nor expired; it began with its oldest.
        var live = await LiveTokens(id, now).AsNoTracking().ToListAsync(context.CancellationToken);
        var sessions = live.Select(t => t.SessionId).Distinct().ToList();
        var started = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.AccountId == id && sessions.Contains(t.SessionId))
            .GroupBy(t => t.SessionId).Select(g => new { g.Key, Started = g.Min(t => t.CreatedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.Started, context.CancellationToken);
        var current = CurrentSession(context);
        var response = new V1.ListMySessionsResponse();
        response.Sessions.AddRange(live.GroupBy(t => t.SessionId)
            .Select(g => g.MaxBy(t => t.CreatedAt)!)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new V1.SignInSession
            {
                Id = t.SessionId.ToString(),
                StartedAt = Timestamp.FromDateTimeOffset(started.GetValueOrDefault(t.SessionId, t.CreatedAt)),
                LastActiveAt = Timestamp.FromDateTimeOffset(t.CreatedAt),
                ExpiresAt = Timestamp.FromDateTimeOffset(t.ExpiresAt),
                ClientAddress = t.ClientAddress ?? string.Empty,
                UserAgent = t.UserAgent ?? string.Empty,
                Current = t.SessionId == current,
            }));
        return response;
    }

    public override async Task<V1.EndMySessionsResponse> EndMySessions(
        V1.EndMySessionsRequest request, ServerCallContext context)
    {
        var id = OwnAccount();
        var now = clock.GetUtcNow();
        var current = CurrentSession(context);
        List<Guid> sessions;
        if (request.AllOthers)
        {
            if (!string.IsNullOrEmpty(request.SessionId))
            {
                throw new ValidationException("session_id", "is not given with all_others");
            }

            sessions = await LiveTokens(id, now)
                .Where(t => t.SessionId != current)
                .Select(t => t.SessionId)
                .Distinct()
                .ToListAsync(context.CancellationToken);
        }
        else
        {
            var session = Caller.ParseId(request.SessionId, "session_id", "session");
            // Another person's session, or one already over, is not found: ids say nothing about other accounts.
            if (!await LiveTokens(id, now).AnyAsync(t => t.SessionId == session, context.CancellationToken))
            {
                throw new NotFoundException("session", request.SessionId);
            }

            sessions = [session];
        }

        if (sessions.Count > 0)
        {
            // Every token of the session, rotated ones included: one presented again is then "ended", not a leak.
            await db.RefreshTokens.Where(t => t.AccountId == id && sessions.Contains(t.SessionId) && t.EndedAt == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(t => t.EndedAt, now).SetProperty(t => t.RevokedAt, t => t.RevokedAt ?? now),
                    context.CancellationToken);
        }

        return new V1.EndMySessionsResponse { Ended = sessions.Count };
    }

    /// <summary>
    /// The account's tokens that still open a session: the newest of each, neither rotated, ended nor expired.
    /// </summary>
    private IQueryable<RefreshToken> LiveTokens(Guid account, DateTimeOffset now) =>
        db.RefreshTokens.Where(t => t.AccountId == account
            && t.RevokedAt == null
            && t.EndedAt == null
            && t.ExpiresAt > now);

    /// <summary>The caller's own account: a person's sign-in, never an integration client's.</summary>
    private Guid OwnAccount() =>
        caller.UserId is { } subject && Guid.TryParse(subject, out var id)
            ? id
            : throw new ForbiddenException(
                "Only a person's own sign-in has sign-ins, sessions and a password; an integration client has none.");

    private static Guid? CurrentSession(ServerCallContext context) =>
        Guid.TryParse(context.GetHttpContext().User.FindFirst(PlatformClaims.Session)?.Value, out var session)
            ? session
            : null;
}
