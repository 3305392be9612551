using System.CommandLine;
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
            logger = Logging.Create(pr.GetValue(logLevel)!, pr.GetValue(logFile), error);
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
}
