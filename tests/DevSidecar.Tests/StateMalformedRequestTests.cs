using AvatarStream.DevSidecar.Tests.Infrastructure;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;
using Grpc.Net.Client;
using DaprGrpc = Dapr.Client.Autogen.Grpc.v1.Dapr;

namespace AvatarStream.DevSidecar.Tests;

// Requests the SDK never sends still get a status, and the sidecar keeps serving.
public sealed class StateMalformedRequestTests
{
    private const string Store = "statestore";

    [Fact]
    public async Task GarbageMessageGetsAnErrorStatusAndTheSidecarKeepsServing()
    {
        await using var harness = await StateHarness.StartAsync(StoreKind.Sqlite, Store);
        using var channel = GrpcChannel.ForAddress(harness.App.Sidecar.GrpcEndpoint);
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        var saveState = new Method<byte[], byte[]>(MethodType.Unary, "dapr.proto.runtime.v1.Dapr", "SaveState", bytes, bytes);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(saveState, null, new CallOptions(), [0xFF, 0xFF, 0xFF, 0x0F, 0x01]).ResponseAsync);

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
        await harness.App.Client.SaveStateAsync(Store, "k", "still serving");
        Assert.Equal("still serving", await harness.App.Client.GetStateAsync<string>(Store, "k"));
    }

    [Fact]
    public async Task TransactionOperationWithoutRequestOrWithUnknownTypeIsRefused()
    {
        await using var harness = await StateHarness.StartAsync(StoreKind.InMemory, Store);
        using var channel = GrpcChannel.ForAddress(harness.App.Sidecar.GrpcEndpoint);
        var raw = new DaprGrpc.DaprClient(channel);

        var noRequest = await Assert.ThrowsAsync<RpcException>(async () => await raw.ExecuteStateTransactionAsync(
            new ExecuteStateTransactionRequest { StoreName = Store, Operations = { new TransactionalStateOperation { OperationType = "upsert" } } }));
        var unknownType = await Assert.ThrowsAsync<RpcException>(async () => await raw.ExecuteStateTransactionAsync(
            new ExecuteStateTransactionRequest
            {
                StoreName = Store,
                Operations = { new TransactionalStateOperation { OperationType = "merge", Request = new StateItem { Key = "k" } } },
            }));

        Assert.Equal(StatusCode.InvalidArgument, noRequest.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, unknownType.StatusCode);
    }

    [Fact]
    public async Task RpcOutsideTheSubsetIsUnimplemented()
    {
        await using var harness = await StateHarness.StartAsync(StoreKind.InMemory, Store);
        using var channel = GrpcChannel.ForAddress(harness.App.Sidecar.GrpcEndpoint);
        var raw = new DaprGrpc.DaprClient(channel);

        var publish = await Assert.ThrowsAsync<RpcException>(async () =>
            await raw.PublishEventAsync(new PublishEventRequest { PubsubName = "p", Topic = "t" }));
        var shutdown = await Assert.ThrowsAsync<RpcException>(async () => await raw.ShutdownAsync(new ShutdownRequest()));

        Assert.Equal(StatusCode.Unimplemented, publish.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, shutdown.StatusCode);
    }
}
