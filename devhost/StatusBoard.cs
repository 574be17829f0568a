namespace AvatarStream.DevHost;

/// <summary>What the local run prints once everything listens.</summary>
public static class StatusBoard
{
    public static void PrintRunning(LocalTopology topology, DevHostOptions options, bool inProcess)
    {
        Console.WriteLine();
        Console.WriteLine($"AvatarStream is running ({(inProcess ? "one process" : "one process per app and sidecar")}):");
        Console.WriteLine($"  {"app-id",-12} {"app",-24} {"sidecar http",-24} sidecar grpc");
        foreach (var app in topology.Apps)
        {
            Console.WriteLine($"  {app.AppId,-12} {app.AppUrl,-24} {app.SidecarHttpEndpoint,-24} {app.SidecarGrpcEndpoint}");
        }

        Console.WriteLine();
        Console.WriteLine($"  page and API:  {topology.Apps[0].AppUrl}/");
        Console.WriteLine($"  state:         {Path.GetFullPath(Path.Combine(options.DataDir, "state.db"))} (delete the folder to reset)");
        Console.WriteLine($"  instance sweep: {options.SweepSchedule}");
        Console.WriteLine("  Ctrl+C stops everything.");
        Console.WriteLine();
    }
}
