namespace AvatarStream.DevSidecar.Http;

/// <summary>The body of a daprd HTTP error; the SDK turns it into <c>DaprApiException(message, errorCode)</c>.</summary>
public sealed record DaprError(string ErrorCode, string Message)
{
    public static IResult Result(int statusCode, string errorCode, string message) =>
        Results.Json(new DaprError(errorCode, message), statusCode: statusCode);
}
