using Grpc.Core;
using Platform.ServiceDefaults.Errors;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Tasks.Importing;

/// <summary>
/// The units service as this service needs it, called over gRPC with the caller's own token — the units service
/// authorizes the call itself.
/// </summary>
public sealed class UnitDirectory(V1.UnitDirectory.UnitDirectoryClient client)
{
    private const int Chunk = 500;

    public async Task<Dictionary<string, (ResolvedUnit? Unit, IReadOnlyList<ResolvedUnit> Suggestions)>> ResolveAsync(
        IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (ResolvedUnit?, IReadOnlyList<ResolvedUnit>)>(StringComparer.Ordinal);
        foreach (var chunk in names.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var request = new V1.ResolveUnitNamesRequest { Names = { chunk } };
            var response = await Call(() => client
                .ResolveUnitNamesAsync(request, cancellationToken: cancellationToken)
                .ResponseAsync);
            foreach (var item in response.Results)
            {
                result[item.Name] = (
                    item.Resolved ? new ResolvedUnit(Guid.Parse(item.Unit.Id), item.Unit.Name) : null,
                    item.Suggestions.Select(s => new ResolvedUnit(Guid.Parse(s.UnitId), s.Name)).ToList());
            }
        }

        return result;
    }

    /// <summary>
    /// Every name and alias of the caller's district's units (retired ones included: a list can still print an old
    /// name), so the importer can split names printed without a separator into names the directory has.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> NamesAsync(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var token = "";
        do
        {
            var request = new V1.ListUnitsRequest { PageSize = 500, PageToken = token };
            var page = await Call(() => client
                .ListUnitsAsync(request, cancellationToken: cancellationToken)
                .ResponseAsync);
            foreach (var unit in page.Units)
            {
                names.Add(unit.Name);
                names.UnionWith(unit.Aliases);
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return names;
    }

    /// <summary>A unit that may be given a task: one the office has not retired.</summary>
    public async Task<ResolvedUnit> GetAssignableAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = new V1.GetUnitRequest { Id = id.ToString() };
        var unit = await Call(() => client.GetUnitAsync(request, cancellationToken: cancellationToken).ResponseAsync);
        return unit.RetiredAt is null
            ? new ResolvedUnit(Guid.Parse(unit.Id), unit.Name)
            : throw new PreconditionException($"'{unit.Name}' is retired and takes no new tasks; choose another unit.");
    }

    /// <summary>Makes <paramref name="alias"/> a name of the unit; an alias it already has is fine.</summary>
    public async Task AddAliasAsync(Guid id, string alias, CancellationToken cancellationToken)
    {
        try
        {
            await client.AddUnitAliasAsync(
                new V1.AddUnitAliasRequest { Id = id.ToString(), Alias = alias },
                cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            var resolved = await ResolveAsync([alias], cancellationToken);
            if (resolved[alias].Unit?.Id != id)
            {
                throw new ConflictException($"'{alias}' already names another unit ({resolved[alias].Unit?.Name}).");
            }
        }
    }

    public async Task<ResolvedUnit> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var request = new V1.CreateUnitRequest { Name = name };
        var unit = await Call(() => client
            .CreateUnitAsync(request, cancellationToken: cancellationToken)
            .ResponseAsync);
        return new ResolvedUnit(Guid.Parse(unit.Id), unit.Name);
    }

    /// <summary>
    /// Errors of the units service reach the caller with their status and message, not as a failure of ours.
    /// </summary>
    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound)
        {
            throw NotFoundException.Relayed(ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument)
        {
            throw new ValidationException("unit", ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.AlreadyExists)
        {
            throw new ConflictException(ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            throw new ForbiddenException("The unit directory refused: " + ex.Status.Detail);
        }
    }
}
