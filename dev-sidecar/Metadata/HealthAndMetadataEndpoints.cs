using AvatarStream.DevSidecar.App;
namespace AvatarStream.DevSidecar.Metadata;

// /v1.0/healthz, /v1.0/healthz/outbound and /v1.0/metadata (dapr-contract §8), plus a JSON
// error for any other /v1.0/ path nothing else maps.
public static class HealthAndMetadataEndpoints
{
    public static IEndpointRouteBuilder MapHealthAndMetadata(this IEndpointRouteBuilder app)
    {
        // Ready, as daprd, once the app answered and its actor types are registered: before that an actor call to this
        // app's types finds no address, so whoever waits for the sidecar must not see it ready.
        app.MapGet("/v1.0/healthz", (HttpContext context, string? appid, SidecarMetadata metadata, AppRegistrar registrar) =>
        {
            if (appid is not null && !string.Equals(appid, metadata.AppId, StringComparison.Ordinal))
            {
                return DaprErrorResponse.WriteAsync(context.Response, StatusCodes.Status500InternalServerError,
                    "ERR_HEALTH_APPID_NOT_MATCH", "dapr app-id does not match", context.RequestAborted);
            }

            if (!registrar.AppReady)
            {
                return DaprErrorResponse.WriteAsync(context.Response, StatusCodes.Status500InternalServerError,
                    "ERR_HEALTH_NOT_READY", "dapr is not ready", context.RequestAborted);
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());

        app.MapGet("/v1.0/metadata", (SidecarMetadata metadata) => Results.Json(MetadataDocument.From(metadata)));
        app.MapPut("/v1.0/metadata/{key}", async (string key, HttpRequest request, SidecarMetadata metadata) =>
        {
            using var reader = new StreamReader(request.Body);
            metadata.SetExtended(key, await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
            return Results.NoContent();
        });

        app.MapFallback("/v1.0/{**path}", (RequestDelegate)(context => DaprErrorResponse.WriteAsync(context.Response,
            StatusCodes.Status404NotFound, "ERR_NOT_FOUND", $"no API at {context.Request.Method} {context.Request.Path}", context.RequestAborted)));
        return app;
    }
}
