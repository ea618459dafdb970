using Platform.Tasks.Domain;

namespace Platform.Tasks.Grpc;

/// <summary>
/// What a draft's carry-over page shows: the previous year's candidates, the draft's own decisions, the decisions a
/// published list of the same year fixed already, and the numbers of the tasks those name.
/// </summary>
internal sealed record CarryOverState(
    IReadOnlyList<CarryOverCandidate> Candidates,
    Dictionary<Guid, CarryOverChoice> Choices,
    IReadOnlyDictionary<Guid, CarryOverChoice> FixedElsewhere,
    IReadOnlyDictionary<Guid, string> TaskNumbers);
