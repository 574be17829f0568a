using AvatarStream.DevSidecar.Grpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace AvatarStream.DevSidecar.State;

public sealed class StateGrpcApi(StateStoreRegistry stateStores)
{
    public async Task<P.GetStateResponse> GetState(P.GetStateRequest request, ServerCallContext context)
    {
        var store = StateStore(request.StoreName);
        var key = StoredKey(store, request.Key);
        try
        {
            var entry = await store.Store.GetAsync(key, context.CancellationToken);
            var response = new P.GetStateResponse();
            if (entry is not null)
            {
                response.Data = ByteString.CopyFrom(entry.Value.Span);
                response.Etag = entry.ETag;
                AddExpireTime(response.Metadata, entry);
            }

            return response;
        }
        catch (Exception e) when (DaprRpcErrors.IsStoreFailure(e))
        {
            throw DaprRpcErrors.StateFailed("getting", store.Name, e);
        }
    }

    public async Task<P.GetBulkStateResponse> GetBulkState(P.GetBulkStateRequest request, ServerCallContext context)
    {
        var store = StateStore(request.StoreName);
        var keys = request.Keys.Select(k => StoredKey(store, k)).ToArray();
        try
        {
            var entries = await store.Store.GetManyAsync(keys, context.CancellationToken);
            var response = new P.GetBulkStateResponse();
            for (var i = 0; i < keys.Length; i++)
            {
                // A missing key is an item with no data and an empty etag, not an error (as the sqlite component).
                var item = new P.BulkStateItem { Key = request.Keys[i], Etag = entries[i]?.ETag ?? "" };
                if (entries[i] is { } entry)
                {
                    item.Data = ByteString.CopyFrom(entry.Value.Span);
                    AddExpireTime(item.Metadata, entry);
                }

                response.Items.Add(item);
            }

            return response;
        }
        catch (Exception e) when (DaprRpcErrors.IsStoreFailure(e))
        {
            throw DaprRpcErrors.StateFailed("getting", store.Name, e);
        }
    }

    public async Task<Empty> SaveState(P.SaveStateRequest request, ServerCallContext context)
    {
        var store = StateStore(request.StoreName);
        var writes = request.States.Select(item => Upsert(store, item)).ToArray();
        await ApplyAsync(store, "saving", writes, context.CancellationToken);
        return new Empty();
    }

    public async Task<Empty> DeleteState(P.DeleteStateRequest request, ServerCallContext context)
    {
        var store = StateStore(request.StoreName);
        var write = StateWrite.Delete(StoredKey(store, request.Key), ETagOf(request.Etag));
        await ApplyAsync(store, "deleting", [write], context.CancellationToken);
        return new Empty();
    }

    public async Task<Empty> DeleteBulkState(P.DeleteBulkStateRequest request, ServerCallContext context)
    {
        var store = StateStore(request.StoreName);
        var writes = request.States.Select(item => StateWrite.Delete(StoredKey(store, item.Key), ETagOf(item.Etag))).ToArray();
        await ApplyAsync(store, "deleting", writes, context.CancellationToken);
        return new Empty();
    }

    public async Task<Empty> ExecuteStateTransaction(P.ExecuteStateTransactionRequest request, ServerCallContext context)
    {
        var store = StateStore(request.StoreName);
        var writes = request.Operations.Select(operation => operation switch
        {
            { Request: null } => throw DaprRpcErrors.MissingOperationRequest(),
            { OperationType: "upsert" } => Upsert(store, operation.Request),
            { OperationType: "delete" } => StateWrite.Delete(StoredKey(store, operation.Request.Key), ETagOf(operation.Request.Etag)),
            _ => throw DaprRpcErrors.UnsupportedOperation(operation.OperationType),
        }).ToArray();
        try
        {
            await store.Store.ApplyAsync(writes, context.CancellationToken);
        }
        catch (Exception e) when (e is ETagMismatchException || DaprRpcErrors.IsStoreFailure(e))
        {
            // daprd reports every failed transaction, an ETag mismatch included, as ERR_STATE_TRANSACTION.
            throw DaprRpcErrors.TransactionFailed(e);
        }

        return new Empty();
    }

    private static async Task ApplyAsync(StateStoreComponent store, string operation, StateWrite[] writes, CancellationToken cancellationToken)
    {
        try
        {
            await store.Store.ApplyAsync(writes, cancellationToken);
        }
        catch (ETagMismatchException e)
        {
            // Aborted is what makes the SDK's TrySaveStateAsync / TryDeleteStateAsync return false.
            throw DaprRpcErrors.ETagMismatch(operation, store.Name, e);
        }
        catch (Exception e) when (DaprRpcErrors.IsStoreFailure(e))
        {
            throw DaprRpcErrors.StateFailed(operation, store.Name, e);
        }
    }

    private StateStoreComponent StateStore(string name)
    {
        if (stateStores.All.Count == 0)
        {
            throw DaprRpcErrors.NoStateStores();
        }

        return stateStores.Find(name) ?? throw DaprRpcErrors.StateStoreNotFound(name);
    }

    private static string StoredKey(StateStoreComponent store, string key) =>
        StateKeys.IsValid(key) ? store.StoredKey(key) : throw DaprRpcErrors.IllegalKey(key);

    private static StateWrite Upsert(StateStoreComponent store, P.StateItem item)
    {
        TimeSpan? ttl;
        try
        {
            ttl = StateMetadata.ParseTtl(item.Metadata);
        }
        catch (FormatException e)
        {
            throw DaprRpcErrors.StateFailed("saving", store.Name, e);
        }

        var firstWrite = item.Options?.Concurrency == P.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite;
        return StateWrite.Upsert(StoredKey(store, item.Key), item.Value.Memory, ETagOf(item.Etag), firstWrite, ttl);
    }

    // Our stores issue GUIDs, so anything else cannot match; daprd's stores with typed ETags refuse such values
    // as malformed (InvalidArgument) rather than reporting a mismatch.
    private static string? ETagOf(P.Etag? etag)
    {
        var value = etag?.Value;
        return string.IsNullOrEmpty(value) || Guid.TryParse(value, out _) ? value : throw DaprRpcErrors.MalformedETag(value);
    }

    private static void AddExpireTime(IDictionary<string, string> metadata, StateEntry entry)
    {
        if (entry.ExpiresAt is { } expiresAt)
        {
            metadata[StateMetadata.TtlExpireTime] = StateMetadata.FormatExpireTime(expiresAt);
        }
    }
}
