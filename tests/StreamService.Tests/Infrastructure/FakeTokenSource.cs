using AvatarStream.StreamService.Security;

namespace AvatarStream.StreamService.Tests.Infrastructure;

public sealed class FakeTokenSource : IInternalTokenSource
{
    public const string Token = "test-internal-token";

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Token);
}
