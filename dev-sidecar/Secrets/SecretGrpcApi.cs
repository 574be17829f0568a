using AvatarStream.DevSidecar.Grpc;
using Grpc.Core;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace AvatarStream.DevSidecar.Secrets;

public sealed class SecretGrpcApi(SecretStoreRegistry secretStores)
{
    public Task<P.GetSecretResponse> GetSecret(P.GetSecretRequest request, ServerCallContext context)
    {
        var store = SecretStore(request.StoreName);
        try
        {
            return Task.FromResult(new P.GetSecretResponse { Data = { store.Get(request.Key).ToDictionary() } });
        }
        catch (Exception e) when (DaprRpcErrors.IsStoreFailure(e))
        {
            throw DaprRpcErrors.SecretFailed(request.Key, request.StoreName, e);
        }
    }

    public Task<P.GetBulkSecretResponse> GetBulkSecret(P.GetBulkSecretRequest request, ServerCallContext context)
    {
        var store = SecretStore(request.StoreName);
        try
        {
            var response = new P.GetBulkSecretResponse();
            foreach (var (name, values) in store.GetAll())
            {
                response.Data[name] = new P.SecretResponse { Secrets = { values.ToDictionary() } };
            }

            return Task.FromResult(response);
        }
        catch (Exception e) when (DaprRpcErrors.IsStoreFailure(e))
        {
            throw DaprRpcErrors.BulkSecretFailed(request.StoreName, e);
        }
    }

    private ISecretStore SecretStore(string name)
    {
        if (secretStores.IsEmpty)
        {
            throw DaprRpcErrors.NoSecretStores();
        }

        return secretStores.Find(name) ?? throw DaprRpcErrors.SecretStoreNotFound(name);
    }
}
