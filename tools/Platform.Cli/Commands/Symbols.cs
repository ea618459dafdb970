using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>The kinds of arguments and options the commands declare, each made one way.</summary>
internal static class Symbols
{
    /// <summary>The first argument of a command with several actions.</summary>
    public static Argument<string> Action(string description) => new("ACTION") { Description = description };

    /// <summary>An argument some actions take and others do without.</summary>
    public static Argument<string?> Optional(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };

    public static Option<string?> Text(string name, string description) => new(name) { Description = description };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>An option given once per value, or with several values after it.</summary>
    public static Option<string[]> Repeated(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true };

    /// <summary>The month a command is about, required.</summary>
    public static Option<string> Period() =>
        new("--period") { Description = "The month, e.g. 2023-07.", Required = true };
}
