using AvatarStream.DevSidecar.Grpc;
using Google.Protobuf;
using Grpc.Core;
using P = Dapr.Client.Autogen.Grpc.v1;

namespace AvatarStream.DevSidecar.Bindings;

// gRPC InvokeBinding (dapr-contract §3, §6): the request's data bytes go to the binding as they are; every failure,
// an unknown binding or operation included, is Internal with daprd's message.
public sealed class BindingGrpcApi(OutputBindingRegistry bindings)
{
    public async Task<P.InvokeBindingResponse> InvokeBinding(P.InvokeBindingRequest request, ServerCallContext context)
    {
        var invocation = new OutputBindingRequest(
            request.Operation,
            request.Data.ToByteArray(),
            request.Metadata.ToDictionary(StringComparer.Ordinal),
            BindingTransport.Grpc);
        try
        {
            var response = await bindings.InvokeAsync(request.Name, invocation, context.CancellationToken);
            return new P.InvokeBindingResponse
            {
                Data = response.Data is null ? ByteString.Empty : ByteString.CopyFrom(response.Data),
                Metadata = { response.Metadata.ToDictionary() },
            };
        }
        catch (BindingException e)
        {
            throw DaprRpcErrors.BindingFailed(e.Message);
        }
    }
}
