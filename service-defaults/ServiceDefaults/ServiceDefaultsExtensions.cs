using AvatarStream.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AvatarStream.ServiceDefaults;

/// <summary>What every AvatarStream service shares: health, problem details, metrics and traces.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// A service's builder with the defaults added. The application name is the service's own assembly, not the
    /// entry assembly, so a service hosted in-process by the local run looks the same as when it runs alone.
    /// </summary>
    public static WebApplicationBuilder CreateServiceBuilder(string[] args, Type service, params string[] meters)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = service.Assembly.GetName().Name });
        builder.AddServiceDefaults(meters);
        return builder;
    }

    /// <summary>Registers problem details, health checks and OpenTelemetry; <paramref name="meters"/> are the service's own meters.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, params string[] meters)
    {
        // Request lines carry query strings, and the stream's carry client ids, which are credentials: keep the
        // framework's per-request logs off whatever configuration files a host does or does not load.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The request lines' own category as well: configuration naming it would outrank the prefix above, while a
        // rule for the same category from code, added after configuration's, wins the tie.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddProblemDetails(ProblemTypes.AddDefaultType);
        builder.Services.AddHealthChecks();
        builder.Services.AddTrustedProxies();
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentationIfPresent()
                .AddMeter(meters)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsProbe(ctx.Request.Path))
                .AddHttpClientInstrumentation());
        return builder;
    }

    /// <summary>Takes the client address from trusted proxies; maps <c>/health</c> (the seed's <c>200 Healthy.</c>), <c>/healthz</c> for probes and <c>/metrics</c>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // First, so that everything after it (rate limits above all) sees the client, not the proxy.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet(InternalRoutes.Health, () => TypedResults.Text("Healthy.")).ExcludeFromDescription();
        app.MapHealthChecks("/healthz", new HealthCheckOptions()).ExcludeFromDescription();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(InternalRoutes.Health) || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics");

    private static MeterProviderBuilder AddRuntimeInstrumentationIfPresent(this MeterProviderBuilder metrics) =>
        // .NET 9+ publishes runtime metrics on this built-in meter; no extra package needed.
        metrics.AddMeter("System.Runtime");
}
