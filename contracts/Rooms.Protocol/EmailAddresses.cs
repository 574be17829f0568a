namespace AvatarStream.Contracts;

/// <summary>E-mail addresses members give for their recording links: only a plausibility check, the mail server decides.</summary>
public static class EmailAddresses
{
    /// <summary>The longest address SMTP carries.</summary>
    public const int MaxLength = 254;

    /// <summary>One <c>@</c> with something on both sides, no spaces or control characters, at most <see cref="MaxLength"/>.</summary>
    public static bool IsPlausible(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength)
        {
            return false;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == address.LastIndexOf('@') && at < address.Length - 1
            && !address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ';' or ',' or '<' or '>');
    }
}
