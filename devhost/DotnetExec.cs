using System.Diagnostics;

namespace AvatarStream.DevHost;

// `dotnet exec` of an assembly built beside this one, its output read line by line: how the local run starts its
// children and how the tests start the local run.
public static class DotnetExec
{
    public static string Binary(string assembly) => Path.Combine(AppContext.BaseDirectory, assembly + ".dll");

    public static ProcessStartInfo Info(string assembly, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Binary(assembly));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    public static Process Start(ProcessStartInfo info, Action<string> onOutput, Action<string> onError, Action<Process>? onExited = null)
    {
        var process = new Process { StartInfo = info, EnableRaisingEvents = onExited is not null };
        process.OutputDataReceived += (_, e) => Forward(onOutput, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(onError, e.Data);
        if (onExited is not null)
        {
            process.Exited += (_, _) => onExited(process);
        }

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Forward(Action<string> to, string? line)
    {
        if (line is not null)
        {
            to(line);
        }
    }
}
