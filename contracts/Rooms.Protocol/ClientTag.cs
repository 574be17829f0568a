using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.Contracts;

/// <summary>
/// A client id is a credential; logs carry this short one-way tag of it instead. Every service tags the same way, so
/// one client can be followed from the room router's log into a stream instance's.
/// </summary>
public static class ClientTag
{
    /// <summary>Eight hex characters of the SHA-256 of <paramref name="clientId"/>.</summary>
    public static string Of(string clientId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)).AsSpan(0, 4));
}
