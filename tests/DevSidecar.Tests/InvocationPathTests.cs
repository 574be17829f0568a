using AvatarStream.DevSidecar.Invocation;

namespace AvatarStream.DevSidecar.Tests;

// Reading /v1.0/invoke/{appId}/method/{method}?{query} from the raw request target.
public sealed class InvocationPathTests
{
    [Theory]
    [InlineData("/v1.0/invoke/app1/method/hello?x=1&y=a%20b", "app1", "/hello?x=1&y=a%20b")]
    [InlineData("//v1.0/invoke/app1/method//a/b%2Fc", "app1", "/a/b%2Fc")]
    [InlineData("/v1.0/invoke/My%20App/method/x", "My App", "/x")]
    [InlineData("/v1.0/invoke/app1/method", "app1", "/")]
    [InlineData("http://localhost:3500/v1.0/invoke/app1/method/x?q", "app1", "/x?q")]
    public void InvocationPath_KeepsTheMethodAndQueryRaw(string raw, string appId, string appPathAndQuery)
    {
        Assert.True(InvokePath.TryParse(raw, out var path));
        Assert.Equal(appId, path.AppId);
        Assert.Equal(appPathAndQuery, path.AppPathAndQuery);
    }

    [Theory]
    [InlineData("/v1.0/invoke/")]
    [InlineData("/v1.0/invoke/app1")]
    [InlineData("/v1.0/invoke/app1/other/x")]
    [InlineData("/v1.0/state/x")]
    public void InvocationPath_WithoutAppIdOrMethod_IsRejected(string raw) => Assert.False(InvokePath.TryParse(raw, out _));
}
