using AvatarStream.DevSidecar.App;
namespace AvatarStream.DevSidecar.Metadata;

// /v1.0/healthz, /v1.0/healthz/outbound and /v1.0/metadata (dapr-contract §8), plus a JSON
// error for any other /v1.0/ path nothing else maps.
public static class HealthAndMetadataEndpoints
{
    public static IEndpointRouteBuilder MapHealthAndMetadata(this IEndpointRouteBuilder app)
    {
        // A sidecar answers only once Kestrel listens, and it has nothing else to wait for, so it is ready then.
        app.MapGet("/v1.0/healthz", (HttpContext context, string? appid, SidecarMetadata metadata) =>
        {
            if (appid is null || string.Equals(appid, metadata.AppId, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            }

            return DaprErrorResponse.WriteAsync(context.Response, StatusCodes.Status500InternalServerError,
                "ERR_HEALTH_APPID_NOT_MATCH", "dapr app-id does not match", context.RequestAborted);
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
