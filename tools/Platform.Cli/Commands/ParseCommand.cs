using System.CommandLine;
using Platform.Cli.Output;
using Platform.Tasks.Importing;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform parse FILE [--json]`: parses an official task-list document (.txt, .docx, .pdf) offline, without any
/// server, and prints the DESIGN §7 JSON or a readable summary.
/// </summary>
public static class ParseCommand
{
    public const int ExitRejected = 1;
    public const int ExitFileError = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "The document: .txt (UTF-8, UTF-16, GBK), .docx or .pdf.",
        };
        var json = new Option<bool>("--json") { Description = "Print the parse result as JSON (DESIGN §7 schema)." };
        var command = new Command("parse", "Parse a task-list document offline and print what was recognised.")
        {
            file, json,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var configuration = result.InvocationConfiguration;
            return Task.FromResult(Run(
                result.GetRequiredValue(file), result.GetValue(json), configuration.Output, configuration.Error));
        });
        return command;
    }

    public static int Run(FileInfo file, bool json, TextWriter output, TextWriter error)
    {
        byte[] content;
        try
        {
            if (!file.Exists)
            {
                error.WriteLine($"platform parse: file not found: {file.FullName}");
                return ExitFileError;
            }

            if (file.Length > TaskListImporter.MaxDocumentBytes)
            {
                var limit = TaskListImporter.MaxDocumentBytes / 1024 / 1024;
                error.WriteLine($"platform parse: too-large: {file.Name} is larger than {limit} MB");
                return ExitRejected;
            }

            content = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"platform parse: cannot read {file.FullName}: {e.Message}");
            return ExitFileError;
        }

        ParsedTaskList parsed;
        try
        {
            parsed = TaskListImporter.Parse(content, file.Name);
        }
        catch (DocumentRejectedException e)
        {
            error.WriteLine($"platform parse: {e.Reason}: {e.Message}");
            return ExitRejected;
        }

        if (json)
        {
            output.WriteLine(ParseJson.Serialize(parsed));
        }
        else
        {
            ParseSummary.Write(parsed, output);
        }

        return 0;
    }
}
