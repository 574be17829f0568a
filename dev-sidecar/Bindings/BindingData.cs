using System.Text;
using System.Text.Json;

namespace AvatarStream.DevSidecar.Bindings;

// How bindings read request data, as components-contrib does with strconv.Unquote and base64.StdEncoding.
internal static class BindingData
{
    // The text of data that is one JSON string literal (the SDK's InvokeBindingAsync<string>, or an HTTP data string);
    // null for anything else.
    public static string? UnquoteJsonString(byte[] data)
    {
        if (data.Length < 2 || data[0] != (byte)'"')
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(data);
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            var text = reader.GetString();
            return reader.Read() ? null : text;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // The bytes text stands for when it is valid base64 (the localstorage binding detects it by itself), else null.
    // Like Go's base64.StdEncoding, only line breaks may sit between the characters (.NET would also skip spaces and tabs).
    public static byte[]? TryDecodeBase64(string text)
    {
        if (text.Length == 0 || text.Contains(' ', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        var buffer = new byte[text.Length / 4 * 3 + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
