using System.Text;
using Platform.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await PlatformCli.RunAsync(args, Console.Out, Console.Error);
