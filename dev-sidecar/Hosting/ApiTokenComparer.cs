using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.DevSidecar.Hosting;

// The dapr-api-token check shared by the HTTP middleware and the gRPC interceptor.
internal static class ApiTokenComparer
{
    public const string HeaderName = "dapr-api-token";

    // True when no token is configured, or presented equals it. Both sides are hashed first so
    // the comparison takes the same time whatever the presented token's length or content.
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
