namespace HyperVSim.Reports.Output;

/// <summary>
/// Several output files written as one: each is rendered to a temporary file beside its destination, and only when
/// every one has been rendered are they all moved into place. Disposing the set without <see cref="Commit"/> (a
/// rendering failed, or the caller gave up) deletes the temporaries and any folder the set created, so a failure
/// never leaves some outputs new and others old or half-written. Folders other than those named in
/// <see cref="CreateFolder"/> are never created.
/// </summary>
public sealed class OutputSet : IDisposable
{
    private readonly List<(string Temp, string Final)> staged = [];
    private readonly List<string> createdFolders = [];
    private bool committed;

    /// <summary>The destinations staged so far, in the order added.</summary>
    public IEnumerable<string> Destinations => staged.Select(s => s.Final);

    /// <summary>Creates <paramref name="path"/> when it does not exist (its parent must); removed again if the set is not committed.</summary>
    public void CreateFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return;
        }

        Guard(full, () => Directory.CreateDirectory(full));
        createdFolders.Add(full);
    }

    /// <summary>Renders <paramref name="path"/> through <paramref name="write"/> to a temporary file beside it.</summary>
    /// <exception cref="OutputWriteException">The temporary file could not be created or written.</exception>
    public void Add(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        ObjectDisposedException.ThrowIf(committed, this);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Guard(full, () =>
            {
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                write(stream);
                stream.Flush(flushToDisk: true);
            });
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        staged.Add((temp, full));
    }

    /// <summary>Renders text as UTF-8 without a byte-order mark.</summary>
    public void AddText(string path, string text) =>
        Add(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
            w.Write(text);
        });

    /// <summary>Moves every staged file into place, replacing what was there.</summary>
    /// <exception cref="OutputWriteException">A move failed; the files not yet moved are left as they were.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(committed, this);
        committed = true;
        foreach (var (temp, final) in staged)
        {
            Guard(final, () => File.Move(temp, final, overwrite: true));
        }

        staged.Clear();
        createdFolders.Clear();
    }

    /// <summary>Without a commit: deletes every temporary file and every folder this set created (when left empty).</summary>
    public void Dispose()
    {
        foreach (var (temp, _) in staged)
        {
            TryDelete(temp);
        }

        staged.Clear();
        foreach (string folder in Enumerable.Reverse(createdFolders))
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        createdFolders.Clear();
        committed = true;
    }

    /// <summary>Runs a file-system step for <paramref name="path"/>, turning its I/O failure into one that names the path.</summary>
    private static void Guard(string path, Action step)
    {
        try
        {
            step();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not OutputWriteException)
        {
            throw new OutputWriteException(path, ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
