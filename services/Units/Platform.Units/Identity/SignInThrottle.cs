using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Units.Data;
using Platform.Units.Domain;

namespace Platform.Units.Identity;

/// <summary>
/// Slows down and then locks a username after wrong passwords (<see cref="SignInLimitOptions"/>). The state lives in
/// the units database, one row per username, updated under a row lock: it survives restarts and holds across replicas.
/// A username without an account goes through exactly the same steps (the row, the delay, the lock), so neither the
/// answer nor its timing tells whether the name exists or is locked. While locked the password is still checked, for
/// the timing and to count only wrong ones, but even the right one is refused.
/// </summary>
public sealed partial class SignInThrottle(
    UnitsDbContext db,
    IOptions<IdentityOptions> options,
    ILogger<SignInThrottle> logger)
{
    // The real clock, not the demo's adjustable one (Clock:Adjustable): setting the demo back to 2023 would otherwise
    // lift every lock, and setting it forward would extend them.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private SignInLimitOptions Limits => options.Value.SignIn;

    /// <summary>
    /// Records one password check of <paramref name="username"/> (<paramref name="account"/> null when no account has
    /// it). A granted sign-in clears the username's failures and says how many there were since the last sign-in.
    /// </summary>
    public async Task<SignInVerdict> CheckAsync(
        string username,
        Domain.Account? account,
        bool passwordValid,
        string? clientAddress,
        CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!passwordValid)
        {
            // The first failure of a username creates its row; concurrent ones then wait for each other on its lock.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO sign_in_attempts ("Username", "Consecutive", "SinceLastSignIn", "LastFailedAt")
                VALUES ({username}, 0, 0, {now}) ON CONFLICT DO NOTHING
                """,
                cancellationToken);
        }

        var row = await db.SignInAttempts
            .FromSql($"""SELECT * FROM sign_in_attempts WHERE "Username" = {username} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);
        SignInVerdict verdict;
        if (row?.LockedUntil > now)
        {
            // Locked: refused whatever the password; only a wrong one is counted. The same update either way.
            row.SinceLastSignIn += passwordValid ? 0 : 1;
            row.LastFailedAt = passwordValid ? row.LastFailedAt : now;
            db.Entry(row).Property(r => r.SinceLastSignIn).IsModified = true;
            db.Entry(row).Property(r => r.LastFailedAt).IsModified = true;
            verdict = SignInVerdict.Refused(Limits.MaxDelay);
        }
        else if (!passwordValid)
        {
            verdict = Fail(row!, account, clientAddress, now);
        }
        else
        {
            var failed = row?.SinceLastSignIn ?? 0;
            if (row is not null)
            {
                db.SignInAttempts.Remove(row);
            }

            verdict = SignInVerdict.Granted(failed);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (!verdict.Allowed)
        {
            await PruneAsync(now, cancellationToken);
        }

        return verdict;
    }

    private SignInVerdict Fail(SignInAttempts row, Domain.Account? account, string? clientAddress, DateTimeOffset now)
    {
        var counting = row.Consecutive > 0 && now - row.LastFailedAt <= Limits.FailureWindow;
        row.Consecutive = counting ? row.Consecutive + 1 : 1;
        row.SinceLastSignIn++;
        row.LastFailedAt = now;
        var delay = Min(Limits.DelayStep * (row.Consecutive - 1), Limits.MaxDelay);
        if (row.Consecutive < Limits.MaxFailures)
        {
            return SignInVerdict.Refused(delay);
        }

        row.Consecutive = 0;
        row.LockedUntil = now + Limits.LockoutDuration;
        if (account is not null)
        {
            db.SignInLockouts.Add(new SignInLockout
            {
                Id = Guid.CreateVersion7(),
                TenantId = account.TenantId,
                AccountId = account.Id,
                Username = account.Username,
                LockedAt = now,
                LockedUntil = row.LockedUntil.Value,
                FailedAttempts = row.SinceLastSignIn,
                ClientAddress = clientAddress,
            });
            LogLocked(logger, account.Username, account.TenantId, row.SinceLastSignIn, row.LockedUntil.Value);
        }

        return SignInVerdict.Refused(delay);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static long lastPrune;

    /// <summary>
    /// Now and then (at most once a minute per host) forgets usernames that no account has once neither their
    /// delay nor their lock applies any more: those rows only ever slowed guessing down. An account's row stays
    /// until it signs in.
    /// </summary>
    private async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref lastPrune);
        if (now.UtcTicks - last < TimeSpan.TicksPerMinute
            || Interlocked.CompareExchange(ref lastPrune, now.UtcTicks, last) != last)
        {
            return;
        }

        var stale = now - Max(Limits.FailureWindow, Limits.LockoutDuration);
        var removed = await db.SignInAttempts
            .Where(a => a.LastFailedAt < stale
                && (a.LockedUntil == null || a.LockedUntil < now)
                && !db.Accounts.Any(x => x.Username == a.Username))
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            LogPruned(logger, removed);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in of '{Username}' (tenant {TenantId}) locked after " +
        "{Failures} wrong passwords, until {LockedUntil}")]
    private static partial void LogLocked(
        ILogger logger,
        string username,
        string tenantId,
        int failures,
        DateTimeOffset lockedUntil);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Forgot the failed sign-ins of {Count} usernames that no account has")]
    private static partial void LogPruned(ILogger logger, int count);
}
