using System.Net;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Client;
using Microsoft.AspNetCore.Http.Features;

namespace AvatarStream.SidecarTestApp;

// A small Dapr app: echo endpoints for invocation, TestActor, a cron route and a probe. It runs in a test
// process or as its own process (Program). Its Dapr endpoints come from its own configuration, never from DAPR_* env.
public static class TestApp
{
    public const string CronRoute = "/cron-test";

    public static WebApplication Create(TestAppSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TestApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_HTTP_ENDPOINT"] = settings.DaprHttpEndpoint,
            ["DAPR_GRPC_ENDPOINT"] = settings.DaprGrpcEndpoint,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<ActorProbe>();
        builder.Services.AddDaprClient();

        // Registered before AddActors, which keeps it: the runtime's own proxies then use this app's sidecar too.
        builder.Services.AddSingleton<IActorProxyFactory>(new ActorProxyFactory(new ActorProxyOptions
        {
            HttpEndpoint = settings.DaprHttpEndpoint,
            UseJsonSerialization = true,
        }));
        if (settings.HostsActors)
        {
            builder.Services.AddActors(options =>
            {
                options.Actors.RegisterActor<TestActor>();
                options.HttpEndpoint = settings.DaprHttpEndpoint;
                options.UseJsonSerialization = true;
                options.ActorIdleTimeout = settings.ActorIdleTimeout ?? options.ActorIdleTimeout;
                options.ReentrancyConfig = new ActorReentrancyConfig { Enabled = settings.Reentrant, MaxStackDepth = 8 };
            });
        }

        var app = builder.Build();
        if (settings.HostsActors)
        {
            app.MapActorsHandlers();
        }

        app.Map("/echo/{**path}", EchoAsync);
        app.MapPost(CronRoute, (HttpRequest request, ActorProbe probe) =>
        {
            probe.Record($"cron:{request.Headers["timeZone"]}:{request.Headers["readTimeUTC"]}");
            return Results.Ok();
        });
        app.MapGet("/probe", (ActorProbe probe) => Results.Json(new ProbeReport(probe.MaxInsideOneActor, probe.MaxInsideAnyActors, probe.Events)));
        app.MapGet("/whoami", (TestAppSettings s) => s.Name);
        app.MapGet("/call/{appId}/{**path}", async (string appId, string path, DaprClient dapr, CancellationToken cancellationToken) =>
            await dapr.CreateInvokableHttpClient(appId).GetStringAsync("/" + path, cancellationToken));
        app.MapGet("/actor/{id}/where", (string id, IActorProxyFactory proxies) =>
            proxies.CreateActorProxy<ITestActor>(new ActorId(id), nameof(TestActor)).WhereAsync());
        return app;
    }

    // The port the started app listens on.
    public static int PortOf(WebApplication app) => new Uri(app.Urls.First()).Port;

    // Answers with what it received; ?status=N picks the status code.
    private static async Task EchoAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Response.StatusCode = int.TryParse(context.Request.Query["status"], out var status) ? status : 200;
        context.Response.Headers["X-Echo-Method"] = context.Request.Method;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        await context.Response.WriteAsJsonAsync(new EchoReply(context.Request.Method, rawTarget, body, headers), context.RequestAborted);
    }
}
