using System.Text.Json;

namespace AvatarStream.Contracts;

/// <summary>JSON on every public and internal HTTP call is snake_case, as in the seed.</summary>
public static class ContractJson
{
    /// <summary>Serializer options for contract records.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
