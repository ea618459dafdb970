namespace Platform.Tasks.Importing;

public sealed record Contact
{
    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}
