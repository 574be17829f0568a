using AvatarStream.DevSidecar.Cli;

// dotnet run --project dev-sidecar -- --app-id ID [--app-port N] --dapr-http-port N --dapr-grpc-port N --resources-path components
return await SidecarCommand.RunAsync(args);
