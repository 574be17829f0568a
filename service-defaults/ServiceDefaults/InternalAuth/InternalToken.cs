using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.ServiceDefaults.InternalAuth;

/// <summary>How an internal call presents the token: <c>Authorization: Bearer T</c>, or the seed's bare <c>Authorization: T</c>.</summary>
public static class InternalToken
{
    const string BearerPrefix = "Bearer ";

    /// <summary>True when <paramref name="authorization"/> carries <paramref name="expected"/>; compared in constant time.</summary>
    public static bool Matches(string? authorization, string expected)
    {
        if (string.IsNullOrEmpty(authorization) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var presented = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization.AsSpan(BearerPrefix.Length).Trim()
            : authorization.AsSpan().Trim();
        var presentedBytes = Encoding.UTF8.GetBytes(presented.ToArray());
        return CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(expected));
    }

    public static string HeaderValue(string token) => BearerPrefix + token;
}
