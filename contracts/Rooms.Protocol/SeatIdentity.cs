using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.Contracts;

/// <summary>
/// The name a ticket gives a seat: a one-way 128-bit digest of the client id. A ticket travels in URLs and may end
/// up in a proxy's log; the client id is the seat's long-lived credential at the room router and must not.
/// </summary>
public static class SeatIdentity
{
    private static readonly byte[] Domain = "avatar-stream seat identity\n"u8.ToArray();

    /// <summary>The identity of the seat <paramref name="clientId"/> holds.</summary>
    public static string Of(string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var input = new byte[Domain.Length + Encoding.UTF8.GetByteCount(clientId)];
        Domain.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(clientId, input.AsSpan(Domain.Length));
        return Base64Url.EncodeToString(SHA256.HashData(input).AsSpan(0, 16));
    }
}
