namespace HyperVSim.Scenarios;

/// <summary>
/// One problem in a scenario file: where it is (1-based line and column; 0 when the file could not be read at all),
/// the path of the value (<c>vms[0].memory</c>, empty for the file as a whole), what is wrong and how to fix it.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string Path, string Message, string Fix)
{
    /// <summary><c>scenarios/x.yaml:12:7: vms[0].memory: '16GB/s' is not a size. Fix: write a size with a unit, e.g. 16GiB or 500MB</c></summary>
    public override string ToString()
    {
        string where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        string path = Path.Length > 0 ? Path + ": " : "";
        if (Fix.Length == 0)
        {
            return $"{where}: {path}{Message}";
        }

        string stop = Message.EndsWith('.') || Message.EndsWith('?') || Message.EndsWith('!') ? " " : ". ";
        return $"{where}: {path}{Message}{stop}Fix: {Fix}";
    }
}
