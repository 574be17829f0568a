using AvatarStream.DevSidecar.Bindings;
using AvatarStream.DevSidecar.Metadata;
using AvatarStream.DevSidecar.Secrets;
using AvatarStream.DevSidecar.State;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace AvatarStream.DevSidecar.Grpc;

// The part of dapr.proto.runtime.v1.Dapr the development sidecar serves (dapr-contract §3, §6, §7, §8). Grpc.AspNetCore
// binds every RPC to a method of this one type, so each building block's RPCs are handed on to that block's folder.
public sealed class DaprGrpcService(StateGrpcApi state, BindingGrpcApi bindings, SecretGrpcApi secrets, MetadataGrpcApi metadata)
    : DaprServiceBase
{
    public override Task<P.GetStateResponse> GetState(P.GetStateRequest request, ServerCallContext context) =>
        state.GetState(request, context);

    public override Task<P.GetBulkStateResponse> GetBulkState(P.GetBulkStateRequest request, ServerCallContext context) =>
        state.GetBulkState(request, context);

    public override Task<Empty> SaveState(P.SaveStateRequest request, ServerCallContext context) =>
        state.SaveState(request, context);

    public override Task<Empty> DeleteState(P.DeleteStateRequest request, ServerCallContext context) =>
        state.DeleteState(request, context);

    public override Task<Empty> DeleteBulkState(P.DeleteBulkStateRequest request, ServerCallContext context) =>
        state.DeleteBulkState(request, context);

    public override Task<Empty> ExecuteStateTransaction(P.ExecuteStateTransactionRequest request, ServerCallContext context) =>
        state.ExecuteStateTransaction(request, context);

    public override Task<P.InvokeBindingResponse> InvokeBinding(P.InvokeBindingRequest request, ServerCallContext context) =>
        bindings.InvokeBinding(request, context);

    public override Task<P.GetSecretResponse> GetSecret(P.GetSecretRequest request, ServerCallContext context) =>
        secrets.GetSecret(request, context);

    public override Task<P.GetBulkSecretResponse> GetBulkSecret(P.GetBulkSecretRequest request, ServerCallContext context) =>
        secrets.GetBulkSecret(request, context);

    public override Task<P.GetMetadataResponse> GetMetadata(P.GetMetadataRequest request, ServerCallContext context) =>
        metadata.GetMetadata(request, context);

    public override Task<Empty> SetMetadata(P.SetMetadataRequest request, ServerCallContext context) =>
        metadata.SetMetadata(request, context);
}
