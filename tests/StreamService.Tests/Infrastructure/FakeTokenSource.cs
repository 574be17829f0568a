using AvatarStream.ServiceDefaults.InternalAuth;

namespace AvatarStream.StreamService.Tests.Infrastructure;

public sealed class FakeTokenSource : IInternalTokenSource
{
    public const string Token = "test-internal-token";

    public ValueTask<InternalTokens> GetAsync(bool refresh, CancellationToken cancellationToken) => ValueTask.FromResult(new InternalTokens(Token));
}
