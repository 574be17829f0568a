using AvatarStream.RoomRouter;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Extensions;
using AvatarStream.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RouterMetrics.MeterName);
builder.AddRoomRouter();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapActorsHandlers();
app.MapRoomApi();
app.MapInternalApi();
app.Run();
