using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AvatarStream.RoomRouter.Tests.Fakes;

// A loopback server that answers Dapr's service-invocation route for /register as a sidecar forwarding to
// a stream instance would: stream-slow takes 5 s, stream-broken answers 500, any other app-id 200.
public sealed class LoopbackSidecar : IAsyncDisposable
{
    private readonly WebApplication _server;

    private LoopbackSidecar(WebApplication server) => _server = server;

    public ConcurrentQueue<(string Path, string? Authorization, string Body)> Calls { get; } = new();

    public string Address => _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    public static async Task<LoopbackSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var sidecar = new LoopbackSidecar(builder.Build());
        sidecar._server.MapPost("/v1.0/invoke/{appId}/method/register", sidecar.RegisterAsync);
        await sidecar._server.StartAsync();
        return sidecar;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> RegisterAsync(string appId, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        Calls.Enqueue((http.Request.Path, http.Request.Headers.Authorization, await reader.ReadToEndAsync()));
        switch (appId)
        {
            case "stream-slow":
                await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
                return Results.Ok();
            case "stream-broken":
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            default:
                return Results.Ok();
        }
    }
}
