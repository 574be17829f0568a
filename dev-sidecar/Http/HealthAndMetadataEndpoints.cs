namespace AvatarStream.DevSidecar.Http;

public static class HealthAndMetadataEndpoints
{
    public static IEndpointRouteBuilder MapHealthAndMetadata(this IEndpointRouteBuilder app) => app;
}
