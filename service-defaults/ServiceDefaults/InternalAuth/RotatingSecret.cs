using AvatarStream.Contracts;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>A secret in the Dapr secret store with a current value and, during a rotation, a next one.</summary>
/// <param name="Name">The secret's name.</param>
/// <param name="CurrentKey">The key of the current value.</param>
/// <param name="NextKey">The key of the optional next value.</param>
public sealed record RotatingSecret(string Name, string CurrentKey, string NextKey)
{
    public static readonly RotatingSecret InternalToken = new(DaprNames.InternalTokenKey, DaprNames.InternalTokenKey, DaprNames.InternalTokenNextKey);

    public static readonly RotatingSecret TicketKey = new(DaprNames.TicketKeyKey, DaprNames.TicketKeyKey, DaprNames.TicketKeyNextKey);
}
