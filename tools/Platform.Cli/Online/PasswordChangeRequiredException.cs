namespace Platform.Cli.Online;

/// <summary>The password given was the office's: the person must choose their own to sign in.</summary>
public sealed class PasswordChangeRequiredException(string message) : CliException(message);
