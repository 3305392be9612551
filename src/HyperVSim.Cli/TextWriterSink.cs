using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace HyperVSim.Cli;

/// <summary>A Serilog sink that writes formatted events to a <see cref="TextWriter"/> (standard error, or a test's writer).</summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
