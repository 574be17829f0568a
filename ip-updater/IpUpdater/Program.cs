using AvatarStream.IpUpdater.Sweep;
using AvatarStream.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInstanceSweep();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapInstanceSweep();
app.Run();
