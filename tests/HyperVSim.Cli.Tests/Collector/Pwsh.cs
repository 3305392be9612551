using System.Diagnostics;

namespace HyperVSim.Cli.Tests.Collector;

/// <summary>
/// The pinned PowerShell (the <c>PowerShell</c> .NET global tool, <see cref="Version"/>): found on PATH or in
/// ~/.dotnet/tools, installed with <c>dotnet tool install --global</c> when missing. When it cannot be installed the
/// tests fail with the reason: they never skip.
/// </summary>
internal static class Pwsh
{
    /// <summary>The pinned version (docs/ci.md, .ci/run).</summary>
    public const string Version = "7.6.9";

    private static readonly Lazy<string> Executable = new(Find);

    public static string Path => Executable.Value;

    public static string Here => System.IO.Path.Combine(Cli.Root, "tests", "HyperVSim.Cli.Tests", "Collector");

    public static string Collector => System.IO.Path.Combine(Cli.Root, "tools", "Export-HyperVSimInventory.ps1");

    /// <summary>Runs <paramref name="script"/> (a .ps1 file) with arguments; returns exit code and both outputs.</summary>
    public static (int Exit, string Out, string Err) RunFile(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-File", script }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"pwsh {script} did not finish in 3 minutes");
        }

        return (p.ExitCode, output, err.Result);
    }

    private static string Find()
    {
        string tools = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        string? found = Locate(tools);
        if (found is null)
        {
            // The test's setup: install the pinned tool (the same command .ci/run uses).
            var install = Process.Start(new ProcessStartInfo("dotnet", ["tool", "install", "--global", "PowerShell", "--version", Version]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            string log = install.StandardOutput.ReadToEnd() + install.StandardError.ReadToEnd();
            install.WaitForExit();
            found = Locate(tools) ?? throw new InvalidOperationException(
                $"PowerShell {Version} is needed to test tools/Export-HyperVSimInventory.ps1 and could not be installed " +
                $"('dotnet tool install --global PowerShell --version {Version}' exited {install.ExitCode}): {log}");
        }

        var check = Process.Start(new ProcessStartInfo(found, ["-NoProfile", "-NoLogo", "-Command", "$PSVersionTable.PSVersion.ToString()"]) { RedirectStandardOutput = true })!;
        string version = check.StandardOutput.ReadToEnd().Trim();
        check.WaitForExit();
        if (version != Version)
        {
            throw new InvalidOperationException($"{found} is PowerShell {version}, not the pinned {Version}: run 'dotnet tool update --global PowerShell --version {Version}'");
        }

        return found;
    }

    private static string? Locate(string tools)
    {
        string local = System.IO.Path.Combine(tools, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
        if (File.Exists(local))
        {
            return local;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(d => System.IO.Path.Combine(d, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh"))
            .FirstOrDefault(File.Exists);
    }
}
