using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.StreamService.Security;

/// <summary>Checks the <c>Authorization</c> header of an internal call against the shared token.</summary>
public static class InternalCallAuthorization
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Accepts <c>Bearer &lt;token&gt;</c> and the seed's bare <c>&lt;token&gt;</c>.</summary>
    public static bool IsAuthorized(string? header, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (string.IsNullOrEmpty(header) || token.Length == 0)
        {
            return false;
        }

        var presented = header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : header.Trim();

        // Hashing first gives both sides one length, so the comparison time says nothing about the token.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
