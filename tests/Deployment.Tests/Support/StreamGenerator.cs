using System.Diagnostics;

namespace AvatarStream.Deployment.Tests.Support;

// Runs deploy/kubernetes/generate-streams.sh with bash, bounded by a timeout.
internal static class StreamGenerator
{
    public const string CommittedOutput = "streams.yaml";

    // The count the committed streams.yaml was generated with.
    public const int CommittedCount = 2;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Script => Path.Combine(Repo.Kubernetes, "generate-streams.sh");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        using var cancel = new CancellationTokenSource(Timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"generate-streams.sh {string.Join(' ', args)} ran past {Timeout}");
        }

        return (process.ExitCode, await output, await error);
    }

    public static async Task<IReadOnlyList<KubeObject>> GenerateAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);
        Assert.True(exitCode == 0, $"generate-streams.sh {string.Join(' ', args)} exited {exitCode}: {error}");
        return Manifests.FromText(output, $"generate-streams.sh {string.Join(' ', args)}");
    }

    // The applied manifests with the committed streams replaced by streams.
    public static IReadOnlyList<KubeObject> AppliedWith(IReadOnlyList<KubeObject> streams) =>
        [.. Manifests.Applied().Where(o => Path.GetFileName(o.Source) != CommittedOutput), .. streams];
}
