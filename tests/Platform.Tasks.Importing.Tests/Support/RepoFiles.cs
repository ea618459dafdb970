namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder (the folder holding Platform.sln).</summary>
public static class RepoFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RootPath => Root.Value;

    public static string Fixture(string name) =>
        Path.Combine(Root.Value, "tests", "Platform.Tasks.Importing.Tests", "Fixtures", name);

    public static string FixtureText(string name) => File.ReadAllText(Fixture(name));
}
