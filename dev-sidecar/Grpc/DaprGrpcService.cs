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
    // Failures of a store (missing secret, I/O, SQLite) become Internal; our own RpcExceptions and cancellations pass
    // through, and ETag mismatches get their own status per RPC.
    private static bool IsStoreFailure(Exception e) => e is not (RpcException or OperationCanceledException or ETagMismatchException);
}
