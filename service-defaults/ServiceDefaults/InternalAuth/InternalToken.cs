using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>How an internal call presents the token: <c>Authorization: Bearer T</c>, or the seed's bare <c>Authorization: T</c>.</summary>
public static class InternalToken
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// True when <paramref name="authorization"/> carries <paramref name="expected"/>. Both sides are hashed first,
    /// so the comparison takes the same time whatever their lengths.
    /// </summary>
    public static bool Matches(string? authorization, string expected)
    {
        if (string.IsNullOrEmpty(authorization) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var presented = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : authorization.Trim();
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    public static string HeaderValue(string token) => BearerPrefix + token;
}
