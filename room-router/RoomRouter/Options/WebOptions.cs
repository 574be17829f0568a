namespace AvatarStream.RoomRouter.Options;

// Browser origins, besides the router's own (where its page is served), whose pages may call the public API.
public sealed class WebOptions
{
    public const string Section = "Web";

    // e.g. https://app.example.org for a front end served elsewhere; see OriginCheck.
    public string[] AllowedOrigins { get; set; } = [];
}
