using System.Net;
using AvatarStream.StreamRelayBench;
using AvatarStream.StreamService.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// The relay core behind plain Kestrel, seating any room_id/client_id, for the bench kit's direct mode.
var address = IPEndPoint.Parse(args.SkipWhile(a => a != "--addr").Skip(1).FirstOrDefault() ?? "127.0.0.1:0");

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address));
builder.Services.AddSingleton(new RelayOptions { ClaimTimeout = Timeout.InfiniteTimeSpan });
builder.Services.AddSingleton<IClientDepartureSink, NoDepartures>();
builder.Services.AddSingleton<IRecordingRequests, NoRecordings>();
builder.Services.AddSingleton<RelayMetrics>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<RoomRegistry>();

var app = builder.Build();
app.UseWebSockets();
app.Run(new BenchEndpoints(app.Services.GetRequiredService<RoomRegistry>()).HandleAsync);
app.Lifetime.ApplicationStopping.Register(app.Services.GetRequiredService<RoomRegistry>().CloseAll);

await app.StartAsync();
var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"LISTENING {new Uri(listening).Authority}");
await app.WaitForShutdownAsync();
