using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>The harnesses' command-line options: <c>--name value</c> pairs and bare flags.</summary>
internal static class HarnessOptions
{
    public static string? Text(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
