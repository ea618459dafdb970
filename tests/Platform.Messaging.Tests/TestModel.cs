using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Contracts;
using Platform.MultiTenancy;

namespace Platform.Messaging.Tests;

public sealed record NoteAdded : ITenantScoped
{
    public required string TenantId { get; init; }

    public required Guid NoteId { get; init; }
}

public sealed class Note : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }
}

/// <summary>What the consumer did: one row per application of a message.</summary>
public sealed class AppliedNote : ITenantEntity
{
    public long Id { get; set; }

    public Guid NoteId { get; set; }

    public required string TenantId { get; set; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<AppliedNote> Applied => Set<AppliedNote>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.Entity<AppliedNote>().ToTable("applied_notes");
    }
}

public sealed class NoteAddedConsumer(TestDbContext db, ILogger<NoteAddedConsumer> logger)
    : InboxConsumer<NoteAdded, TestDbContext>(db, logger)
{
    protected override Task HandleAsync(NoteAdded message, ConsumeContext<NoteAdded> context, CancellationToken cancellationToken)
    {
        // The tenant filter put the message's tenant on this scope before the consumer ran.
        if (Db.Tenant.TenantId != message.TenantId)
        {
            throw new InvalidOperationException("The consumer's scope does not carry the message's tenant.");
        }

        Db.Applied.Add(new AppliedNote { NoteId = message.NoteId, TenantId = message.TenantId });
        return Task.CompletedTask;
    }
}

/// <summary>A message whose consumer fails as a test says: as if its database were down, or as poison would.</summary>
public sealed record TroubledNote : ITenantScoped
{
    public required string TenantId { get; init; }

    public required Guid NoteId { get; init; }

    /// <summary>How many attempts fail as an outage (the database unreachable) before one succeeds.</summary>
    public int OutageAttempts { get; init; }

    /// <summary>Fails as poison until the test heals it.</summary>
    public bool Poison { get; init; }
}

public sealed class TroubledNoteConsumer(TestDbContext db, ILogger<TroubledNoteConsumer> logger)
    : InboxConsumer<TroubledNote, TestDbContext>(db, logger)
{
    // Every test host on the broker consumes the message (one exchange per message type): counted per host's database.
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Attempts = new();
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> Healed = new();

    public static string Key(string database, Guid note) => $"{database}/{note}";

    protected override Task HandleAsync(TroubledNote message, ConsumeContext<TroubledNote> context, CancellationToken cancellationToken)
    {
        var attempt = Attempts.AddOrUpdate(Key(Db.Database.GetDbConnection().Database, message.NoteId), 1, (_, n) => n + 1);
        if (attempt <= message.OutageAttempts)
        {
            throw new Npgsql.NpgsqlException("Failed to connect to 127.0.0.1:5432 (simulated outage)", new System.Net.Sockets.SocketException(111));
        }

        if (message.Poison && !Healed.ContainsKey(message.NoteId))
        {
            throw new InvalidOperationException("This note can never be applied (simulated poison).");
        }

        Db.Applied.Add(new AppliedNote { NoteId = message.NoteId, TenantId = message.TenantId });
        return Task.CompletedTask;
    }
}
