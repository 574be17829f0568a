using AvatarStream.DevSidecar.State;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Grpc;

// The gRPC statuses daprd answers with (dapr-contract §3, error table), with its message texts.
internal static class DaprRpcErrors
{
    // Failures of a store (missing secret, I/O, SQLite) become Internal; our own RpcExceptions and cancellations pass
    // through, and ETag mismatches get their own status per RPC.
    public static bool IsStoreFailure(Exception e) => e is not (RpcException or OperationCanceledException or ETagMismatchException);

    public static RpcException NoStateStores() =>
        New(StatusCode.FailedPrecondition, "state store is not configured");

    public static RpcException StateStoreNotFound(string name) =>
        New(StatusCode.InvalidArgument, $"state store {name} is not found");

    public static RpcException IllegalKey(string key) =>
        New(StatusCode.InvalidArgument, $"input key/keyPrefix '{key}' can't contain '||'");

    public static RpcException MalformedETag(string etag) =>
        New(StatusCode.InvalidArgument, $"invalid etag value: '{etag}' is not an etag this store issued");

    public static RpcException ETagMismatch(string operation, string store, Exception e) =>
        New(StatusCode.Aborted, $"failed {operation} state with key in state store {store}: {e.Message}");

    public static RpcException StateFailed(string operation, string store, Exception e) =>
        New(StatusCode.Internal, $"failed {operation} state in state store {store}: {e.Message}");

    public static RpcException TransactionFailed(Exception e) =>
        New(StatusCode.Internal, $"error while executing state transaction: {e.Message}");

    public static RpcException UnsupportedOperation(string operationType) =>
        New(StatusCode.Unimplemented, $"operation type {operationType} not supported");

    public static RpcException MissingOperationRequest() =>
        New(StatusCode.InvalidArgument, "a transaction operation has no request");

    // message is daprd's "error invoking output binding {name}: {reason}".
    public static RpcException BindingFailed(string message) =>
        New(StatusCode.Internal, message);

    public static RpcException NoSecretStores() =>
        New(StatusCode.FailedPrecondition, "secret store is not configured");

    public static RpcException SecretStoreNotFound(string name) =>
        New(StatusCode.InvalidArgument, $"failed finding secret store with key {name}");

    public static RpcException SecretFailed(string key, string store, Exception e) =>
        New(StatusCode.Internal, $"failed getting secret with key {key} from secret store {store}: {e.Message}");

    public static RpcException BulkSecretFailed(string store, Exception e) =>
        New(StatusCode.Internal, $"failed getting secrets from secret store {store}: {e.Message}");

    public static RpcException Unauthenticated() =>
        New(StatusCode.Unauthenticated, "authentication error: api token mismatch");

    private static RpcException New(StatusCode code, string message) => new(new Status(code, message), message);
}
