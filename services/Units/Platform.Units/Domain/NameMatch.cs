namespace Platform.Units.Domain;

public enum NameMatch
{
    None,
    Name,
    Alias,
    Normalized,
}
