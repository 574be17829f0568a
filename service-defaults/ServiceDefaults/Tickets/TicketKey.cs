using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AvatarStream.ServiceDefaults.Tickets;

/// <summary>
/// One signing key. Its id is derived from the key (a digest prefix), so a rotation needs no separate id to keep in
/// step: a ticket names the key that signed it, and a verifier that holds two keys picks by that name.
/// A class, not a record: a record's generated ToString would print the key.
/// </summary>
public sealed class TicketKey
{
    /// <summary>Fewer characters than this is no key: HMAC-SHA256 wants at least 256 bits of secret.</summary>
    public const int MinLength = 32;

    public TicketKey(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (secret.Length < MinLength)
        {
            throw new ArgumentException($"a ticket key must have at least {MinLength} characters", nameof(secret));
        }

        Secret = Encoding.UTF8.GetBytes(secret);
        Id = Base64Url.EncodeToString(SHA256.HashData(Secret).AsSpan(0, 6));
    }

    /// <summary>Eight URL-safe characters naming the key in every ticket it signs.</summary>
    public string Id { get; }

    internal byte[] Secret { get; }

    /// <summary>
    /// A key for another purpose, derived from this one (HMAC-SHA256 of the purpose's name): one secret signs tickets and
    /// recording links without a signature of one ever standing for the other.
    /// </summary>
    public byte[] Derive(string purpose) => HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(purpose));
}
