using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Units.Data;
using Platform.Units.Domain;

namespace Platform.Units.Identity;

/// <summary>
/// How any change of an account is kept, wherever it is made (the office's directory, a person's own password, the
/// first sign-in): counted in <see cref="Account.Version"/>, audited with the account before and after, and published
/// as <see cref="AccountChanged"/> — all in the caller's unit of work, so they commit with the account or not at all.
/// </summary>
public sealed class AccountChanges(UnitsDbContext db, IOutbox outbox)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// What the audit keeps of an account: everything the office sees, never the password or its hash.
    /// </summary>
    public static string Snapshot(Account account) => JsonSerializer.Serialize(new
    {
        account.Username, account.DisplayName, account.UnitId, account.Roles, account.Email, account.Mobile,
        Disabled = account.IsDisabled, account.MustChangePassword,
    }, Json);

    /// <summary>The event of an account as it now is (also what a replay sends).</summary>
    public static AccountChanged Event(Account account, DateTimeOffset now) => new()
    {
        TenantId = account.TenantId,
        AccountId = account.Id,
        Username = account.Username,
        DisplayName = account.DisplayName,
        UnitId = account.UnitId,
        Roles = account.Roles,
        Disabled = account.IsDisabled,
        Email = account.Email,
        Mobile = account.Mobile,
        Version = account.Version, OccurredAt = now,
    };

    /// <summary>A new account, version 1.</summary>
    public void Created(Account account, string actor, DateTimeOffset now)
    {
        account.Version = 1;
        Audit(account, AccountActions.Created, before: null, actor, now);
    }

    /// <summary>
    /// A change of an existing account; <paramref name="before"/> is its <see cref="Snapshot"/> from before.
    /// </summary>
    public void Changed(Account account, string action, string before, string actor, DateTimeOffset now)
    {
        account.Version++;
        account.UpdatedAt = now;
        Audit(account, action, before, actor, now);
    }

    /// <summary>
    /// The person's sessions end: every refresh token revoked now, and access tokens issued until now refused by every
    /// host once its revocation list has it (within a minute). Tokens count issue times in whole seconds, so the
    /// boundary is the next whole second, and always past the previous boundary: a token issued before, even within the
    /// same second or after an earlier end of sessions of that second, is refused, and one issued after is dated at the
    /// boundary (<see cref="TokenIssuer"/>).
    /// </summary>
    public async Task EndSessionsAsync(Account account, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = now.ToUnixTimeSeconds() + 1;
        if (account.TokensValidAfter is { } previous && previous.ToUnixTimeSeconds() >= next)
        {
            next = previous.ToUnixTimeSeconds() + 1;
        }

        account.TokensValidAfter = DateTimeOffset.FromUnixTimeSeconds(next);
        foreach (var token in await db.RefreshTokens.Where(t => t.AccountId == account.Id
            && t.RevokedAt == null).ToListAsync(cancellationToken))
        {
            token.RevokedAt = now;
        }
    }

    private void Audit(Account account, string action, string? before, string actor, DateTimeOffset now)
    {
        db.AccountAudit.Add(new AccountAuditEntry
        {
            TenantId = account.TenantId,
            AccountId = account.Id,
            Action = action,
            Actor = actor,
            At = now,
            Before = before,
            After = Snapshot(account),
        });
        outbox.Enqueue(Event(account, now));
    }
}
