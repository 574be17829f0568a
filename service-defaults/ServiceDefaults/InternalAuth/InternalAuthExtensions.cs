using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AvatarStream.ServiceDefaults.InternalAuth;

public static class InternalAuthExtensions
{
    /// <summary>
    /// The Dapr client, one invocation client per app-id (<see cref="DaprInvocationClients"/>) and the internal token
    /// read from the Dapr secret store.
    /// </summary>
    public static IServiceCollection AddInternalAuth(this IServiceCollection services)
    {
        services.AddDaprClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IInternalTokenSource, DaprSecretTokenSource>();
        services.TryAddSingleton<DaprInvocationClients>();
        return services;
    }
}
