using System.Text;
using Platform.Cli.Online;

namespace Platform.Cli.Tests;

/// <summary>
/// `platform export` against a fake gateway: the year's summary and the assessment sheet are downloaded by year, the
/// month's ledger and bulletin still by month, and a missing or wrong option is a one-line refusal.
/// </summary>
/// <remarks>
/// It sets the process's configuration directory, as the other online command tests do: never in parallel with them.
/// </remarks>
[Collection(ExportCommandTests.Sequential)]
public sealed class ExportCommandTests : IDisposable
{
    public const string Sequential = "cli-export";

    private readonly string configDir = Path.Combine(Path.GetTempPath(), "duban-cli-" + Guid.NewGuid().ToString("N"));
    private readonly FakeGateway gateway = new();

    public ExportCommandTests()
    {
        Environment.SetEnvironmentVariable("DUBAN_CONFIG_DIR", configDir);
        var claims = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"tenant":"500103","role":"district-admin"}"""))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        CredentialStore.Save(new Credentials(
            gateway.Address, "yz.admin", $"e30.{claims}.signature", null, DateTimeOffset.UtcNow.AddHours(1)));
    }

    [Theory]
    [InlineData("year", "年度总结 summary 2023")]
    [InlineData("assessment", "考核表 assessment 2023")]
    public async Task AYearsExportIsDownloadedByYear(string kind, string said)
    {
        gateway.Answer($"GET /api/v1/exports/{kind}?year=2023", "PK-the-file");
        var file = Path.Combine(configDir, $"{kind}.out");
        Directory.CreateDirectory(configDir);

        var (exit, output, error) = await RunAsync("export", kind, "--year", "2023", "-o", file);

        Assert.Equal((0, string.Empty), (exit, error));
        Assert.StartsWith(said, output);
        Assert.Equal("PK-the-file", await File.ReadAllTextAsync(file));
        Assert.False(File.Exists(file + ".part"));
    }

    [Fact]
    public async Task TheMonthsLedgerIsStillDownloadedByMonth()
    {
        gateway.Answer("GET /api/v1/exports/ledger?period=2023-07", "PK-ledger");
        Directory.CreateDirectory(configDir);
        var file = Path.Combine(configDir, "ledger.xlsx");

        var (exit, output, _) = await RunAsync("export", "ledger", "--period", "2023-07", "-o", file);

        Assert.Equal(0, exit);
        Assert.StartsWith("台账 ledger 2023-07", output);
        Assert.Equal("PK-ledger", await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData("platform: export year needs --year, e.g. --year 2023", "year", "--period", "2023-07")]
    [InlineData("platform: export bulletin needs --period, e.g. --period 2023-07", "bulletin", "--year", "2023")]
    [InlineData("platform: --year 1 is not a year between 2000 and 2100", "assessment", "--year", "1")]
    [InlineData("platform: unknown export 'ranking': use ledger, bulletin, year or assessment", "ranking")]
    public async Task AMissingOrWrongOptionIsRefusedWithItsReason(string reason, params string[] args)
    {
        var (exit, output, error) = await RunAsync(["export", .. args, "-o", Path.Combine(configDir, "x")]);

        Assert.Equal((1, string.Empty, reason), (exit, output, error.Trim()));
        Assert.DoesNotContain(gateway.Requests, r => r.Contains("/exports/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusalOfTheGatewayIsItsOneLineReason()
    {
        var (exit, _, error) = await RunAsync("export", "year", "--year", "2024", "-o", Path.Combine(configDir, "x"));

        Assert.Equal(1, exit);
        Assert.Equal("platform: 404 no such route: GET /api/v1/exports/year?year=2024", error.Trim());
    }

    public void Dispose()
    {
        gateway.Dispose();
        Environment.SetEnvironmentVariable("DUBAN_CONFIG_DIR", null);
        if (Directory.Exists(configDir))
        {
            Directory.Delete(configDir, recursive: true);
        }
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PlatformCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
