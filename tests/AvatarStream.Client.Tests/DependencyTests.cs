using AvatarStream.Client;

namespace AvatarStream.Client.Tests;

public sealed class DependencyTests
{
    // The library is for any .NET app: plain ClientWebSocket and HttpClient, no ASP.NET Core, no Dapr.
    [Fact]
    public void TheLibraryReferencesNeitherAspNetCoreNorDapr()
    {
        var references = typeof(RoomConnection).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Rooms.Protocol", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Dapr", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(AvatarStream.Contracts.RoomTicket).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Dapr", StringComparison.Ordinal));
    }
}
