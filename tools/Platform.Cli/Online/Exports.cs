namespace Platform.Cli.Online;

/// <summary>
/// The export command's downloads: a month's ledger or bulletin, or a year's summary or assessment sheet, each written
/// to a temporary file first, so an interrupted download never leaves half a file under the name asked for.
/// </summary>
public static class Exports
{
    public static Task<int> ExportAsync(OnlineCall call, string kind, string? period, int? year, FileInfo file) =>
        kind switch
        {
            "ledger" or "bulletin" when period is not null => ReportingCommands.ExportAsync(call, kind, period, file),
            "ledger" or "bulletin" => Refuse(call, $"export {kind} needs --period, e.g. --period 2023-07"),
            "year" or "assessment" when year is { } y => YearAsync(call, kind, y, file),
            "year" or "assessment" => Refuse(call, $"export {kind} needs --year, e.g. --year 2023"),
            _ => Refuse(call, $"unknown export '{kind}': use ledger, bulletin, year or assessment"),
        };

    private static Task<int> YearAsync(OnlineCall call, string kind, int year, FileInfo file) =>
        OnlineCommands.Run(call, async client =>
        {
            if (year is < 2000 or > 2100)
            {
                throw new CliException($"--year {year} is not a year between 2000 and 2100");
            }

            var bytes = await client.DownloadAsync($"/api/v1/exports/{kind}?year={year}", call.CancellationToken);
            var temporary = file.FullName + ".part";
            await File.WriteAllBytesAsync(temporary, bytes, call.CancellationToken);
            File.Move(temporary, file.FullName, overwrite: true);
            var what = kind == "year" ? "年度总结 summary" : "考核表 assessment";
            call.Output.WriteLine($"{what} {year}: {file.FullName} ({bytes.Length:N0} bytes)");
        });

    private static Task<int> Refuse(OnlineCall call, string reason) =>
        OnlineCommands.Run(call, _ => throw new CliException(reason));
}
