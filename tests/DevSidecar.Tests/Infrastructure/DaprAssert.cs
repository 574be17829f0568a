using Dapr;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests.Infrastructure;

public static class DaprAssert
{
    // Asserts the SDK call fails with a DaprException over a gRPC status code.
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAnyAsync<DaprException>(call);
        var rpc = Assert.IsType<RpcException>(exception.InnerException);
        Assert.Equal(code, rpc.StatusCode);
        return rpc;
    }
}
