using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.RoomRouter.Core.Rooms;

// What a join showed against the room's key.
public enum KeyCheck
{
    // No key: the joiner knocks.
    None,
    Right,
    Wrong,
}

// A room's join key: 128 random bits, base64url (22 characters), the secret of its invite link.
public static class JoinKeys
{
    // The longest key join-room reads; ours are 22 characters, the rest is room for a future format.
    public const int MaxLength = 64;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    // Compared in constant time, so the answer's timing says nothing about how much of a guess was right. A room
    // without a key (stored before keys existed) has no right key.
    public static KeyCheck Check(string? roomKey, string? shown)
    {
        if (shown is null)
        {
            return KeyCheck.None;
        }

        return roomKey is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(roomKey)), SHA256.HashData(Encoding.UTF8.GetBytes(shown)))
            ? KeyCheck.Right
            : KeyCheck.Wrong;
    }
}
