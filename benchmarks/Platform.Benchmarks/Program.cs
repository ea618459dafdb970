using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

if (args.FirstOrDefault() == "ladder")
{
    return await Platform.Benchmarks.LadderLoad.RunAsync();
}

if (args.FirstOrDefault() == "national")
{
    return await Platform.Benchmarks.NationalLoad.RunAsync(args[1..]);
}

if (args.FirstOrDefault() == "writes")
{
    return await Platform.Benchmarks.WritesLoad.RunAsync(args[1..]);
}

if (args.FirstOrDefault() == "dashboards")
{
    return await Platform.Benchmarks.DashboardLoad.RunAsync(args[1..]);
}

// Results go under bin/ (ignored by git), not into the folder the command is run from.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(Platform.Benchmarks.ParseBenchmarks).Assembly).Run(args, config);
return 0;
