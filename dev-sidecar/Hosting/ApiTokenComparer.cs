using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.DevSidecar.Hosting;

/// <summary>The <c>dapr-api-token</c> check shared by the HTTP middleware and the gRPC interceptor.</summary>
internal static class ApiTokenComparer
{
    public const string HeaderName = "dapr-api-token";

    /// <summary>
    /// True when no token is configured, or <paramref name="presented"/> equals it. Both sides are hashed first so
    /// the comparison takes the same time whatever the presented token's length or content.
    /// </summary>
    public static bool Accepts(string? expected, string? presented)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        var expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        return CryptographicOperations.FixedTimeEquals(expectedHash, presentedHash) && presented is not null;
    }
}
