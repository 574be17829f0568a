using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace AvatarStream.DevSidecar.Metadata;

public sealed class MetadataGrpcApi(SidecarMetadata metadata)
{
    public Task<P.GetMetadataResponse> GetMetadata(P.GetMetadataRequest request, ServerCallContext context)
    {
        var response = new P.GetMetadataResponse
        {
            Id = metadata.AppId,
            RuntimeVersion = SidecarMetadata.RuntimeVersion,
            EnabledFeatures = { metadata.EnabledFeatures },
            ExtendedMetadata = { metadata.Extended.ToDictionary() },
            ActorRuntime = new P.ActorRuntime
            {
                RuntimeStatus = metadata.ActorRuntimeEnabled
                    ? P.ActorRuntime.Types.ActorRuntimeStatus.Running
                    : P.ActorRuntime.Types.ActorRuntimeStatus.Disabled,
                HostReady = metadata.ActorRuntimeEnabled,
            },
        };
        foreach (var component in metadata.Components)
        {
            response.RegisteredComponents.Add(new P.RegisteredComponents
            {
                Name = component.Name,
                Type = component.Type,
                Version = component.Version,
                Capabilities = { component.Capabilities },
            });
        }

        foreach (var actor in metadata.ActiveActors)
        {
            response.ActorRuntime.ActiveActors.Add(new P.ActiveActorsCount { Type = actor.Type, Count = actor.Count });
        }

        return Task.FromResult(response);
    }

    public Task<Empty> SetMetadata(P.SetMetadataRequest request, ServerCallContext context)
    {
        metadata.SetExtended(request.Key, request.Value);
        return Task.FromResult(new Empty());
    }
}
