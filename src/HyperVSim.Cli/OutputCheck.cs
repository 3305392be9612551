namespace HyperVSim.Cli;

/// <summary>
/// Checks a command's outputs before anything is simulated or written (docs/cli.md, "Output files"): no output may be
/// an input or another output (paths compared after <see cref="Path.GetFullPath(string)"/>), a file output's folder
/// must exist and be writable, a folder output's parent must exist, and neither may be the other kind of thing.
/// Each refusal is one line naming the option, the path and the fix.
/// </summary>
internal static class OutputCheck
{
    /// <summary>How paths compare on this system: case-insensitively on Windows and macOS.</summary>
    public static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The first problem with <paramref name="outputs"/> as one line, or null when they can all be written.</summary>
    public static string? Problem(IEnumerable<OutputTarget?> outputs, IEnumerable<(string What, string Path)> inputs)
    {
        OutputTarget[] wanted = outputs.OfType<OutputTarget>().ToArray();
        var inputByPath = new Dictionary<string, (string What, string Path)>(PathComparer);
        foreach (var input in inputs)
        {
            inputByPath.TryAdd(Full(input.Path), input);
        }

        var writer = new Dictionary<string, OutputTarget>(PathComparer);
        foreach (OutputTarget o in wanted)
        {
            IEnumerable<string> claimed = o.IsFolder ? o.Files.Prepend(o.Path) : o.Files;
            foreach (string file in claimed)
            {
                string full = Full(file);
                if (inputByPath.TryGetValue(full, out var input))
                {
                    return $"error: {o.Option} {o.Path} would overwrite {input.What} {input.Path}. Fix: write {o.Option} to another file.";
                }

                if (writer.TryGetValue(full, out OutputTarget? other) && !ReferenceEquals(other, o))
                {
                    return $"error: {other.Option} and {o.Option} both write {file}. Fix: give each output its own path.";
                }

                writer[full] = o;
            }
        }

        return wanted.Select(Shape).FirstOrDefault(p => p is not null);
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>A file given for a folder or a folder for a file, a missing parent folder, or a folder that cannot be written in.</summary>
    private static string? Shape(OutputTarget o)
    {
        string full = Full(o.Path);
        if (o.IsFolder && File.Exists(full))
        {
            return $"error: {o.Option} {o.Path} is a file, but {o.Option} takes a folder (it writes {string.Join(", ", o.FilesInside!)}). Fix: give a folder, e.g. {Path.ChangeExtension(o.Path, null)}-{o.ExampleName}.";
        }

        if (!o.IsFolder && Directory.Exists(full))
        {
            return $"error: {o.Option} {o.Path} is a folder, but {o.Option} takes a file. Fix: give a file name, e.g. {Path.Combine(o.Path, o.ExampleName)}.";
        }

        string parent = Path.GetDirectoryName(full) ?? full;
        if (!Directory.Exists(parent))
        {
            return File.Exists(parent)
                ? $"error: {o.Option} {o.Path}: {parent} is a file, not a folder. Fix: write {o.Option} into a folder."
                : $"error: {o.Option} {o.Path}: folder {parent} does not exist. Fix: create it first.";
        }

        string folder = o.IsFolder && Directory.Exists(full) ? full : parent;
        return Writable(folder) is { } reason ? $"error: {o.Option} {o.Path}: cannot write in folder {folder} ({reason})." : null;
    }

    /// <summary>Null when a file can be created in <paramref name="folder"/>; else the reason (a probe file is created and deleted).</summary>
    private static string? Writable(string folder)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(folder, $".hypervsim-probe-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message.TrimEnd('.');
        }
    }
}
