namespace Platform.Cli.Tests;

/// <summary>The export command's tests run apart from every other test: they set a process-wide variable.</summary>
[CollectionDefinition(ExportCommandTests.Sequential, DisableParallelization = true)]
public sealed class ExportCommandCollection;
