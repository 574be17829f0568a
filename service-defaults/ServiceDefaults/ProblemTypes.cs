using Microsoft.AspNetCore.Http;

namespace AvatarStream.ServiceDefaults;

/// <summary>Stable problem-details <c>type</c> URIs shared by every service.</summary>
public static class ProblemTypes
{
    public const string Base = "https://avatarstream.dev/problems/";
    public const string BadRequest = Base + "bad-request";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string Unauthorized = Base + "unauthorized";
    public const string Internal = Base + "internal";
    public const string DependencyUnavailable = Base + "dependency-unavailable";
    public const string OriginNotAllowed = Base + "origin-not-allowed";
    public const string RateLimited = Base + "rate-limited";

    /// <summary>A stream instance refused a register or place-room of another era than its own (<c>PutTaskResponse.Era</c>).</summary>
    public const string StalePlacement = Base + "stale-placement";

    /// <summary>A stream instance is draining or stopping: it seats nobody and opens no socket; ask join-room again.</summary>
    public const string InstanceStopping = Base + "instance-stopping";

    /// <summary>Gives problems written by the framework (status code pages, exceptions) a stable type too.</summary>
    public static void AddDefaultType(Microsoft.AspNetCore.Http.ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = problem.Status switch
                {
                    StatusCodes.Status400BadRequest => BadRequest,
                    StatusCodes.Status401Unauthorized => Unauthorized,
                    StatusCodes.Status404NotFound => NotFound,
                    StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
                    StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
                    _ => problem.Status >= 500 ? Internal : Base + problem.Status,
                };
            }
        };
}
