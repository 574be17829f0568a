namespace AvatarStream.StreamService.Tests.Infrastructure;

// Client ids as the room router issues them (UUIDs), the only form the service accepts.
public static class ClientIds
{
    // For test data that must be a constant.
    public const string Fixed = "6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";

    public static string New() => Guid.NewGuid().ToString();
}
