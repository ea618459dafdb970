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
