internal sealed record SeedOptions(
    string Gateway, string File, string AdminPassword, string AccountPassword, string? ReportingClock)
{
    public static SeedOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var file = Value("--file")
            ?? throw new ArgumentException("--file PATH is required (deploy/local/demo/directory.json)");
        return new SeedOptions(
            Value("--gateway") ?? "http://127.0.0.1:8080",
            file,
            Value("--admin-password") ?? throw new ArgumentException("--admin-password is required"),
            Value("--password") ?? "demo",
            Value("--reporting-clock"));
    }
}
