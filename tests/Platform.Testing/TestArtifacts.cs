namespace Platform.Testing;

/// <summary>
/// Where tests leave files for a person to look at (screenshots, downloads, renders of generated documents):
/// DUBAN_TEST_ARTIFACTS (test.sh sets .local/test-results/screenshots), else a folder beside the tests.
/// </summary>
public static class TestArtifacts
{
    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("DUBAN_TEST_ARTIFACTS") is { Length: > 0 } set
                ? set : Path.Combine(AppContext.BaseDirectory, "test-artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
