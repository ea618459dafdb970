using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Domain;
using Platform.Units.Identity;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

public sealed partial class UnitDirectoryService
{
    /// <summary>
    /// Two units become one (机构合并). In one transaction: the names move, the people move (their sessions end, as
    /// for any change of a person's unit), groups name the unit that remains, the directory's copy of the assignments
    /// follows, both units are audited and one <see cref="UnitChangeKind.Merged"/> event tells the other services to
    /// move the rest.
    /// </summary>
    public override async Task<V1.MergeUnitResponse> MergeUnit(V1.MergeUnitRequest request, ServerCallContext context)
    {
        caller.RequireDistrictWriter(PlatformScopes.UnitsWrite);
        var cancellationToken = context.CancellationToken;
        var source = await FindAsync(request.Id, cancellationToken);
        var intoId = string.IsNullOrWhiteSpace(request.IntoId)
            ? throw new ValidationException("into_id", "name the unit that takes this one over")
            : request.IntoId;
        var target = await FindAsync(intoId, cancellationToken);
        var now = clock.GetUtcNow();
        var (sourceBefore, targetBefore) = (UnitAuditEntry.Snapshot(source), UnitAuditEntry.Snapshot(target));
        var openTasks = (await OpenAssignmentsAsync(source, now, cancellationToken))
            .Select(a => a.TaskId)
            .Distinct()
            .Count();
        source.MergeInto(target, now);

        var people = await db.Accounts
            .Where(a => a.TenantId == source.TenantId && a.UnitId == source.Id)
            .ToListAsync(cancellationToken);
        foreach (var account in people)
        {
            var before = AccountChanges.Snapshot(account);
            account.UnitId = target.Id;
            await changes.EndSessionsAsync(account, now, cancellationToken);
            changes.Changed(account, AccountActions.Updated, before, caller.UserId ?? "system", now);
        }

        var groups = await db.Units.Include(u => u.Aliases)
            .Where(u => u.TenantId == source.TenantId && u.Kind == UnitKind.Group && u.MemberIds.Contains(source.Id))
            .AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            var before = UnitAuditEntry.Snapshot(group);
            group.ReplaceMember(source.Id, target.Id, now);
            Record(group, UnitChangeKind.MembersChanged, UnitActions.MembersChanged, before, null, now);
        }

        await MoveAssignmentsAsync(source, target, cancellationToken);
        Record(source, UnitChangeKind.Merged, UnitActions.Merged, sourceBefore, null, now, target.Name);
        Record(target, UnitChangeKind.AliasAdded, UnitActions.Absorbed, targetBefore, null, now);
        await SaveAsync(cancellationToken);

        return new V1.MergeUnitResponse
        {
            Unit = source.ToProto(),
            Into = target.ToProto(),
            AccountsMoved = people.Count,
            GroupsChanged = groups.Count,
            OpenTasksMoved = openTasks,
        };
    }

    /// <summary>
    /// The directory's copy of who leads and shares what follows the merge (an assignment of the target to the
    /// same task is kept once, as lead if either led it), so the unit that remains counts the tasks it now has
    /// to answer for.
    /// </summary>
    private async Task MoveAssignmentsAsync(Unit source, Unit target, CancellationToken cancellationToken)
    {
        var moving = await db.UnitAssignments
            .Where(a => a.TenantId == source.TenantId && a.UnitId == source.Id)
            .ToListAsync(cancellationToken);
        var taskIds = moving.Select(a => a.TaskId).ToList();
        var held = await db.UnitAssignments.Where(a => a.UnitId == target.Id && taskIds.Contains(a.TaskId))
            .ToDictionaryAsync(a => a.TaskId, cancellationToken);
        foreach (var assignment in moving)
        {
            if (held.TryGetValue(assignment.TaskId, out var existing))
            {
                existing.Lead |= assignment.Lead;
                db.UnitAssignments.Remove(assignment);
            }
            else
            {
                assignment.UnitId = target.Id;
            }
        }
    }
}
