namespace AvatarStream.RouterBench;

// The reference: a minimal API on loopback whose POST answers a small JSON, measured by the same client in the same
// process, so the router's numbers can be read as a multiple of what Kestrel + HttpClient cost on this machine.
internal static class BareEndpoint
{
    public static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/bare", () => TypedResults.Ok(new BareTicket("00157", "3f2b8c1e-1d2a-4c3b-9a8e-5f6d7c8b9a0e")));
        await app.StartAsync();
        return app;
    }

    internal sealed record BareTicket(string RoomId, string ClientId);
}
