using System.Runtime.InteropServices;
using AvatarStream.DevHost;

// The one-command local run: every service, each with its own development sidecar.
var options = DevHostOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine($"devhost: {error}");
    Console.Error.WriteLine(DevHostOptions.Usage);
    return 2;
}

// Components name files relative to the working directory (as daprd does), so run from the checkout.
// The default .data sits at the checkout's root whatever the working directory (dotnet run may start the app in
// devhost/); a path given with --data-dir is taken from where the command ran.
var root = RepositoryRoot.Find();
options = options with { DataDir = Path.GetFullPath(options.DataDir, args.Contains("--data-dir") ? Environment.CurrentDirectory : root) };
Directory.SetCurrentDirectory(root);
Directory.CreateDirectory(options.DataDir);

using var stopping = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var topology = LocalTopology.Create(options.Streams, options.BasePort);
try
{
    if (options.Processes)
    {
        await new ProcessRun(topology, options, root).RunAsync(stopping.Token);
    }
    else
    {
        await new InProcessRun(topology, options, root).RunAsync(stopping.Token);
    }

    Console.WriteLine("devhost: stopped");
    return 0;
}
catch (PortInUseException e)
{
    Console.Error.WriteLine($"devhost: {e.Message}");
    return 1;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    Console.WriteLine("devhost: stopping...");
    stopping.Cancel();
}
