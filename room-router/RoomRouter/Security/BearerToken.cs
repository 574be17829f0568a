using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.RoomRouter.Security;

internal static class BearerToken
{
    const string Scheme = "Bearer ";

    /// <summary>
    /// Whether an Authorization header carries <paramref name="expected"/>, as <c>Bearer &lt;token&gt;</c> or as the
    /// seed's bare token. Both sides are hashed first so the comparison takes the same time whatever the lengths.
    /// </summary>
    public static bool Matches(string? header, string expected)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : header.Trim();
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
