using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Actors;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Ledger;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Recordings;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.RoomRouter.Storage;
using AvatarStream.RoomRouter.Streams;
using AvatarStream.ServiceDefaults;
using AvatarStream.ServiceDefaults.InternalAuth;
using AvatarStream.ServiceDefaults.Tickets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Extensions;

internal static class RoomRouterExtensions
{
    // Options, Dapr (client, actors), the room flows and the OpenAPI document. Dapr endpoints come from configuration
    // (DAPR_HTTP_ENDPOINT, DAPR_GRPC_ENDPOINT, DAPR_API_TOKEN), so a test host sets them per app.
    public static IHostApplicationBuilder AddRoomRouter(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RoomsOptions>()
            .BindConfiguration(RoomsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoomsOptions>, RoomsOptionsValidator>();
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.Configure<ProblemDetailsOptions>(FrameworkProblemDetails.AddDetail);
        services.AddExceptionHandler<DependencyExceptionHandler>();
        services.AddOpenApi();
        services.AddOptions<RateLimitsOptions>()
            .BindConfiguration(RateLimitsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRouterRateLimiter();

        services.AddInternalAuth();
        services.AddTicketKeys();
        services.AddActors(actors =>
        {
            actors.UseJsonSerialization = true;
            actors.Actors.RegisterActor<RoomActor>(DaprNames.RoomActor);
        });
        services.AddSingleton<IStateStore, DaprStateStore>();
        services.AddSingleton<IRoomActors, ActorProxyRoomActors>();
        services.AddSingleton<IStreamInstanceClient, DaprStreamInstanceClient>();

        services.AddSingleton<RouterMetrics>();
        services.AddSingleton<InstanceRegistry>();
        services.AddSingleton<RoomLedger>();
        services.AddSingleton<InstanceEviction>();
        services.AddSingleton<RoomPlacer>();
        services.AddSingleton<ClientRemoval>();
        services.AddSingleton<RoomEnding>();
        services.AddSingleton<TicketIssuer>();
        services.AddSingleton<RoomCreation>();
        services.AddSingleton<RoomJoining>();
        services.AddSingleton<LedgerRepair>();
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RecordingStore>();
        services.AddSingleton<RecordingLinks>();
        services.AddSingleton<IRecorderClient, DaprRecorderClient>();
        services.AddSingleton<IRecordingFiles, DaprRecordingFiles>();
        services.AddSingleton<IRecordingMail, DaprRecordingMail>();
        services.AddSingleton<RoomRecordings>();
        services.AddHostedService<LedgerRepairService>();
        return builder;
    }
}
