using System.Text.Json;

namespace Platform.Cli.Online;

/// <summary>
/// Keeps the last sign-in for the next commands: $DUBAN_CONFIG_DIR, else $XDG_CONFIG_HOME/duban, else ~/.config/duban,
/// file credentials.json readable only by its owner.
/// </summary>
public static class CredentialStore
{
    public static string Path
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("DUBAN_CONFIG_DIR");
            if (string.IsNullOrEmpty(dir))
            {
                var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
                var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                var config = string.IsNullOrEmpty(xdg) ? System.IO.Path.Combine(home, ".config") : xdg;
                dir = System.IO.Path.Combine(config, "duban");
            }

            return System.IO.Path.Combine(dir, "credentials.json");
        }
    }

    public static Credentials? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Credentials>(File.ReadAllText(Path), JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static void Save(Credentials credentials)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, JsonSerializer.Serialize(credentials, JsonSerializerOptions.Web));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
