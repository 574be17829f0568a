using AvatarStream.DevSidecar.Metadata;
using AvatarStream.DevSidecar.Secrets;
using AvatarStream.DevSidecar.State;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Grpc;

/// <summary>
/// The part of <c>dapr.proto.runtime.v1.Dapr</c> the development sidecar serves: state, secrets and metadata
/// (dapr-contract §3, §7, §8). Split by building block over the partial files beside this one.
/// </summary>
public sealed partial class DaprGrpcService(StateStoreRegistry stateStores, SecretStoreRegistry secretStores, SidecarMetadata metadata)
    : DaprServiceBase
{
    // Only failures of the store itself become Internal; our own RpcExceptions and cancellations pass through.
    static bool IsStoreFailure(Exception e) => e is not (RpcException or OperationCanceledException or ETagMismatchException);
}
