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
    public static byte[]? TryDecodeBase64(string text)
    {
        var buffer = new byte[text.Length / 4 * 3 + 3];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
