namespace AvatarStream.Contracts;

/// <summary>A member's role in a room, as it appears on the wire.</summary>
public static class RoomRoles
{
    /// <summary>The room's creator, and anyone a host made host too.</summary>
    public const string Host = "host";

    /// <summary>Everyone else.</summary>
    public const string Guest = "guest";

    /// <summary>Whether <paramref name="role"/> is one of the roles above.</summary>
    public static bool IsKnown(string? role) => role is Host or Guest;
}
