namespace Platform.Units.Domain;

/// <summary>What came of a sign-in attempt.</summary>
public static class SignInOutcomes
{
    public const string Succeeded = "succeeded";

    /// <summary>
    /// A wrong password, or the right one while the username is locked (the answer does not tell them apart).
    /// </summary>
    public const string Refused = "refused";

    public const string Disabled = "disabled";

    public const string Suspended = "suspended";

    /// <summary>The right password given by the office, without the person's own new one yet.</summary>
    public const string PasswordChangeRequired = "password-change-required";
}
