namespace HyperVSim.Scenarios;

/// <summary>Reads an input file whole, turning a read failure into a <see cref="ScenarioException"/> that names the file and what it is.</summary>
internal static class InputText
{
    public static string Read(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "", $"cannot read {what}: {ex.Message}", "check the path and that the file is readable")]);
        }
    }
}
