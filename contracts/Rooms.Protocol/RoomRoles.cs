namespace AvatarStream.Contracts;

/// <summary>A member's role in a room, as it appears on the wire.</summary>
public static class RoomRoles
{
    /// <summary>The room's creator, and anyone a host made host too.</summary>
    public const string Host = "host";

    /// <summary>Everyone else.</summary>
    public const string Guest = "guest";

    /// <summary>
    /// The recorder service's hidden seat: it only receives, is in no member list, counts in no limit, keeps no empty room
    /// alive, and while it is connected the room is recording. Only the room router seats one; join-room never answers it.
    /// </summary>
    public const string Recorder = "recorder";

    /// <summary>Whether <paramref name="role"/> is one of the roles above.</summary>
    public static bool IsKnown(string? role) => role is Host or Guest or Recorder;
}
