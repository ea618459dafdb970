namespace Platform.ServiceDefaults.Errors;

/// <summary>Bad input; names the field. InvalidArgument / 400.</summary>
public sealed class ValidationException(string field, string message) : PlatformException($"{field}: {message}")
{
    public string Field { get; } = field;
}
