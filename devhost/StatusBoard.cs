namespace AvatarStream.DevHost;

// What the local run prints once everything is up: the last block of a quiet run, the page's address last.
public static class StatusBoard
{
    // Children are listed one per line as "name pid N": the end-to-end tests find the processes they kill by it.
    public static void PrintRunning(LocalTopology topology, DevHostOptions options, IReadOnlyList<ChildProcess>? children = null)
    {
        Console.WriteLine();
        Console.WriteLine($"AvatarStream is running ({(children is null ? "one process" : "one process per app and sidecar")}):");
        Console.WriteLine($"  {"app-id",-12} {"app",-24} {"sidecar http",-24} sidecar grpc");
        foreach (var app in topology.Apps)
        {
            Console.WriteLine($"  {app.AppId,-12} {app.AppUrl,-24} {app.SidecarHttpEndpoint,-24} {app.SidecarGrpcEndpoint}");
        }

        if (children is not null)
        {
            Console.WriteLine();
            foreach (var child in children)
            {
                Console.WriteLine($"  {child.Name,-20} pid {child.Pid}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"  state:          {Path.GetFullPath(Path.Combine(options.DataDir, "state.db"))} (delete the folder to reset)");
        Console.WriteLine($"  instance sweep: {options.SweepSchedule}");
        Console.WriteLine($"  recordings:     {Path.GetFullPath(".data/recordings")} (their links, mailed: {Path.GetFullPath(".data/outbox")})");
        if (!FfmpegCheck.Installed())
        {
            Console.WriteLine("  ffmpeg:         NOT FOUND: recording a room will fail; install the Debian package ffmpeg (sudo apt-get install ffmpeg)");
        }
        Console.WriteLine($"  logs:           {options.LogLevel} and above from the services and sidecars (--log-level for more or less)");
        Console.WriteLine("  Ctrl+C stops everything.");
        Console.WriteLine();
        Console.WriteLine(PageLine(topology));
    }

    public static string PageLine(LocalTopology topology) =>
        $"  Open {topology[AvatarStream.Contracts.DaprNames.RoomRouter].AppUrl}/ in a browser (page and API).";
}
