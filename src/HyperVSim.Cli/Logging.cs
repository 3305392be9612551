using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace HyperVSim.Cli;

/// <summary>Serilog set up from --log-level (to standard error) and --log-file.</summary>
internal static class Logging
{
    public static readonly string[] Levels = ["verbose", "debug", "information", "warning", "error", "fatal"];

    public static Logger Create(string level, string? file, TextWriter error)
    {
        var min = Parse(level);
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(file is null ? min : LogEventLevel.Debug)
            .WriteTo.Sink(new TextWriterSink(error, new MessageTemplateTextFormatter("[{Level:u3}] {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture)), min);
        if (file is not null)
        {
            config = config.WriteTo.File(file, LogEventLevel.Verbose, outputTemplate: "{Timestamp:O} [{Level:u3}] {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
        }

        return config.CreateLogger();
    }

    public static LogEventLevel Parse(string level) => level.ToLowerInvariant() switch
    {
        "verbose" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "information" or "info" => LogEventLevel.Information,
        "warning" or "warn" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "fatal" => LogEventLevel.Fatal,
        _ => throw new ArgumentException($"unknown log level '{level}'; use one of {string.Join(", ", Levels)}"),
    };
}
