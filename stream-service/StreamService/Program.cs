using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Endpoints;
using AvatarStream.StreamService.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(RelayMetrics.MeterName);
builder.AddStreamRelay();
builder.AddRoomRouter();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseStreamRelay();
app.MapRegister();
app.MapStreamSocket();

app.Run();
