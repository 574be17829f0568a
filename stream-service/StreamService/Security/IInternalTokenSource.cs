namespace AvatarStream.StreamService.Security;

/// <summary>The bearer token of internal (service-to-service) calls.</summary>
public interface IInternalTokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}
