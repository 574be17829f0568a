using Dapr.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AvatarStream.ServiceDefaults.Tickets;

public static class TicketExtensions
{
    /// <summary>The ticket keys from the Dapr secret store (<see cref="DaprTicketKeySource"/>).</summary>
    public static IServiceCollection AddTicketKeys(this IServiceCollection services)
    {
        services.AddDaprClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITicketKeySource>(sp => new DaprTicketKeySource(sp.GetRequiredService<DaprClient>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
