namespace Platform.Cli.Online;

/// <summary>A failure the command reports in one line and exits non-zero with.</summary>
public class CliException(string message) : Exception(message);
