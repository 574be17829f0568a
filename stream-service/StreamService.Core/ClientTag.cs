using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.StreamService.Core;

// A client id is a credential; logs carry this short, one-way tag of it instead.
public static class ClientTag
{
    public static string Of(string clientId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)).AsSpan(0, 4));
}
