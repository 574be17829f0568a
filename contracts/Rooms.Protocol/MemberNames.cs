namespace AvatarStream.Contracts;

/// <summary>The display name of a member: 1 to 40 characters after trimming, no control characters.</summary>
public static class MemberNames
{
    /// <summary>The name of a member that gave none.</summary>
    public const string Default = "Guest";

    /// <summary>The longest name, in UTF-16 code units after trimming.</summary>
    public const int MaxLength = 40;

    /// <summary>The trimmed name, or null when <paramref name="name"/> is not acceptable (empty, too long, control characters).</summary>
    public static string? Normalize(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength)
        {
            return null;
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c))
            {
                return null;
            }
        }

        return trimmed;
    }
}
