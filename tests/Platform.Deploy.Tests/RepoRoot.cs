namespace Platform.Deploy.Tests;

/// <summary>Locates the repository root from the test binaries' folder.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }

            if (Directory.Exists(Path.Combine(dir.FullName, "deploy", "k8s"))
                && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No repository root (Platform.sln, or deploy/k8s beside Directory.Build.props) above {AppContext.BaseDirectory}.");
    }
}
