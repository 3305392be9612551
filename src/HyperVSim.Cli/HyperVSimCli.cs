using System.CommandLine;
using System.CommandLine.Parsing;
using HyperVSim.Cli.Commands;
using Serilog.Core;

namespace HyperVSim.Cli;

/// <summary>The <c>hypervsim</c> command line: wires commands to the scenario loader, the model and the reports, and maps outcomes to exit codes.</summary>
public static class HyperVSimCli
{
    /// <summary>Runs the command line with the given writers; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var logLevel = new Option<string>("--log-level")
        {
            Description = "Log detail on standard error: " + string.Join(", ", Logging.Levels),
            DefaultValueFactory = _ => "warning",
            Recursive = true,
        };
        logLevel.AcceptOnlyFromAmong(Logging.Levels);
        var logFile = new Option<string?>("--log-file") { Description = "Also write a detailed log to this file", Recursive = true };

        Logger? logger = null;
        CliContext Context(ParseResult pr)
        {
            string? logPath = pr.GetValue(logFile);
            if (logPath is not null && LogFileProblem(pr, logPath) is { } problem)
            {
                throw new OutputRefusedException(problem);
            }

            logger = Logging.Create(pr.GetValue(logLevel)!, logPath, error);
            return new CliContext(output, error, logger)
            {
                Interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
            };
        }

        var root = new RootCommand("HyperVSim: a deterministic simulator of Windows Server 2012 R2 Hyper-V failover clusters")
        {
            logLevel,
            logFile,
            RunCommand.Create(Context),
            ValidateCommand.Create(Context),
            CompareCommand.Create(Context),
            BaselineCommand.Create(Context),
            ExplainCommand.Create(Context),
            StudyCommand.Create(Context),
            SurvivabilityCommand.Create(Context),
            CalibrateCommand.Create(Context),
            ImportCommand.Create(Context),
            ImportCommand.CreateEvents(Context),
            PlanCommand.Create(Context),
        };

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }

            error.WriteLine("Run 'hypervsim --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OutputRefusedException ex)
        {
            error.WriteLine(ex.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception ex)
        {
            error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            error.WriteLine("This is a bug in HyperVSim. Please report it with the scenario and the output of --log-level debug.");
            logger?.Error(ex, "Unhandled exception");
            return ExitCodes.InternalError;
        }
        finally
        {
            logger?.Dispose();
        }
    }

    /// <summary>
    /// Why --log-file cannot be written, checked before the log is opened: the command's other outputs, and its
    /// arguments (every one is an input: a file, or a folder whose scenario and report files are read) and run's --overlay.
    /// </summary>
    private static string? LogFileProblem(ParseResult pr, string logPath)
    {
        var outputs = new List<OutputTarget?> { OutputTarget.For("--log-file", logPath) };
        var inputs = new List<(string, string)>();
        foreach (SymbolResult child in pr.CommandResult.Children)
        {
            if (child is OptionResult { Option.Name: "--overlay" } read && pr.CommandResult.Command.Name == "run" && read.GetValueOrDefault<string?>() is { } overlay)
            {
                inputs.Add(("the overlay", overlay));
            }
            else if (child is OptionResult { Option.Name: var name } option && name != "--log-file" && OutputTarget.Options.Contains(name, StringComparer.Ordinal))
            {
                string? path = option.GetValueOrDefault<string?>();
                bool fileOut = name == "--out" && ImportCommand.FileOutCommands.Contains(pr.CommandResult.Command.Name);
                outputs.Add(fileOut && path is not null ? new OutputTarget(name, path, "out.txt") : OutputTarget.For(name, path));
            }
            else if (child is ArgumentResult argument && argument.GetValueOrDefault<string?>() is { } input)
            {
                inputs.Add(("the input", input));
                if (Directory.Exists(input))
                {
                    inputs.AddRange(new[] { "*.json", "*.yaml", "*.yml" }.SelectMany(p => Directory.GetFiles(input, p)).Select(f => ("the input", f)));
                }
            }
        }

        return OutputCheck.Problem(outputs, inputs);
    }
}
