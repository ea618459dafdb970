namespace Platform.Portal.Session;

/// <summary>
/// The password was right but the office gave it (a new account, a reset): the person must choose their own.
/// </summary>
public sealed class PasswordChangeRequiredException(string message) : SignInRefusedException(message);
