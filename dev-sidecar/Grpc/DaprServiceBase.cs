using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace AvatarStream.DevSidecar.Grpc;

// The server side of dapr.proto.runtime.v1.Dapr, which Dapr.Protos ships only as a client
// (dapr-contract §0.6, §12). Grpc.AspNetCore calls BindService with a null instance, ignores the
// delegates and binds each method to the public virtual method of this type with the RPC's name, so the names
// below must match the RPCs exactly. Every RPC defaults to Unimplemented; RPCs not listed here are answered
// Unimplemented by Grpc.AspNetCore itself.
[BindServiceMethod(typeof(DaprServiceBase), nameof(BindService))]
public abstract class DaprServiceBase
{
    private const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    public static void BindService(ServiceBinderBase binder, DaprServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(Unary<P.GetStateRequest, P.GetStateResponse>("GetState"), service is null ? null : service.GetState);
        binder.AddMethod(Unary<P.GetBulkStateRequest, P.GetBulkStateResponse>("GetBulkState"), service is null ? null : service.GetBulkState);
        binder.AddMethod(Unary<P.SaveStateRequest, Empty>("SaveState"), service is null ? null : service.SaveState);
        binder.AddMethod(Unary<P.DeleteStateRequest, Empty>("DeleteState"), service is null ? null : service.DeleteState);
        binder.AddMethod(Unary<P.DeleteBulkStateRequest, Empty>("DeleteBulkState"), service is null ? null : service.DeleteBulkState);
        binder.AddMethod(
            Unary<P.ExecuteStateTransactionRequest, Empty>("ExecuteStateTransaction"),
            service is null ? null : service.ExecuteStateTransaction);
        binder.AddMethod(Unary<P.InvokeBindingRequest, P.InvokeBindingResponse>("InvokeBinding"), service is null ? null : service.InvokeBinding);
        binder.AddMethod(Unary<P.GetSecretRequest, P.GetSecretResponse>("GetSecret"), service is null ? null : service.GetSecret);
        binder.AddMethod(Unary<P.GetBulkSecretRequest, P.GetBulkSecretResponse>("GetBulkSecret"), service is null ? null : service.GetBulkSecret);
        binder.AddMethod(Unary<P.GetMetadataRequest, P.GetMetadataResponse>("GetMetadata"), service is null ? null : service.GetMetadata);
        binder.AddMethod(Unary<P.SetMetadataRequest, Empty>("SetMetadata"), service is null ? null : service.SetMetadata);
        binder.AddMethod(Unary<P.ShutdownRequest, Empty>("Shutdown"), service is null ? null : service.Shutdown);
    }

    public virtual Task<P.GetStateResponse> GetState(P.GetStateRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<P.GetBulkStateResponse> GetBulkState(P.GetBulkStateRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> SaveState(P.SaveStateRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> DeleteState(P.DeleteStateRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> DeleteBulkState(P.DeleteBulkStateRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> ExecuteStateTransaction(P.ExecuteStateTransactionRequest request, ServerCallContext context) =>
        throw Unimplemented();

    public virtual Task<P.InvokeBindingResponse> InvokeBinding(P.InvokeBindingRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<P.GetSecretResponse> GetSecret(P.GetSecretRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<P.GetBulkSecretResponse> GetBulkSecret(P.GetBulkSecretRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<P.GetMetadataResponse> GetMetadata(P.GetMetadataRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> SetMetadata(P.SetMetadataRequest request, ServerCallContext context) => throw Unimplemented();

    public virtual Task<Empty> Shutdown(P.ShutdownRequest request, ServerCallContext context) => throw Unimplemented();

    private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, "not implemented by the development sidecar"));

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.Unary, ServiceName, name, MarshallerOf<TRequest>(), MarshallerOf<TResponse>());

    private static Marshaller<T> MarshallerOf<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}
