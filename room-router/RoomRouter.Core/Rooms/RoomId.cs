using System.Globalization;

namespace AvatarStream.RoomRouter.Core.Rooms;

// A 5-digit room number; its canonical text keeps leading zeros ("00157").
public readonly record struct RoomId
{
    public const int MaxValue = 99_999;
    public const int Capacity = MaxValue + 1;
    private const int Digits = 5;

    public RoomId(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        Value = value;
    }

    public int Value { get; }

    // Accepts 1 to 5 ASCII digits ("157", "00157"); rejects signs, spaces and other digits.
    public static bool TryParse(string? text, out RoomId id)
    {
        id = default;
        if (text is null || text.Length is 0 or > Digits)
        {
            return false;
        }

        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        id = new RoomId(value);
        return true;
    }

    // Accepts the JSON number form (157) of a room id.
    public static bool TryFromNumber(long number, out RoomId id)
    {
        id = default;
        if (number is < 0 or > MaxValue)
        {
            return false;
        }

        id = new RoomId((int)number);
        return true;
    }

    public override string ToString() => Value.ToString("D5", CultureInfo.InvariantCulture);
}
