using AvatarStream.DevSidecar.Cli;

namespace AvatarStream.DevSidecar;

// An explicit, namespaced entry point: test projects that reference both a service and the sidecar would otherwise
// see two global Program types.
internal static class Program
{
    // dotnet run --project dev-sidecar -- --app-id ID [--app-port N] --dapr-http-port N --dapr-grpc-port N --resources-path components
    private static Task<int> Main(string[] args) => SidecarCommand.RunAsync(args);
}
