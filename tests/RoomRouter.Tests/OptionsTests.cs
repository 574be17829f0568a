using AvatarStream.RoomRouter.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Tests;

public class OptionsTests
{
    [Fact]
    public async Task Defaults_AreTheDocumentedOnes()
    {
        await using var app = new RouterApplication();

        var options = app.Services.GetRequiredService<IOptions<RoomsOptions>>().Value;

        Assert.Equal(10_000, options.MaxRooms);
        Assert.Equal(50, options.MaxClientsPerRoom);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RegisterTimeout);
        Assert.Equal(2, options.RegisterRetries);
    }

    [Fact]
    public void RateLimitDefaults_AreTheDocumentedOnes()
    {
        var limits = new RateLimitsOptions();

        Assert.Equal((20, 20), (limits.CreateRoomPerMinute, limits.CreateRoomBurst));
        Assert.Equal((120, 120), (limits.JoinRoomPerMinute, limits.JoinRoomBurst));
        Assert.Equal((10, 20), (limits.FailedJoinsPerMinute, limits.FailedJoinBurst));
    }

    [Fact]
    public async Task Configuration_OverridesTheDefaults()
    {
        await using var app = new RouterApplication(("Rooms:MaxRooms", "50000"), ("Rooms:MaxClientsPerRoom", "4"), ("Rooms:RegisterTimeout", "00:00:00.500"));

        var options = app.Services.GetRequiredService<IOptions<RoomsOptions>>().Value;

        Assert.Equal(50_000, options.MaxRooms);
        Assert.Equal(4, options.MaxClientsPerRoom);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RegisterTimeout);
    }

    [Theory]
    [InlineData("Rooms:MaxRooms", "50001", "Rooms:MaxRooms must be between 1 and 50000")]
    [InlineData("Rooms:MaxRooms", "0", "Rooms:MaxRooms must be between 1 and 50000")]
    [InlineData("Rooms:MaxClientsPerRoom", "0", "Rooms:MaxClientsPerRoom must be between 1 and 10000")]
    [InlineData("Rooms:RegisterRetries", "-1", "Rooms:RegisterRetries must be between 0 and 10")]
    [InlineData("Rooms:RegisterTimeout", "00:00:15", "Rooms:ReservationTtl (00:00:30) must be at least 3 x Rooms:RegisterTimeout (00:00:15)")]
    [InlineData("Rooms:RepairInterval", "00:00:00.500", "Rooms:RepairInterval must be between 00:00:01 and 01:00:00")]
    [InlineData("Rooms:EndedRoomTtl", "00:00:00", "Rooms:EndedRoomTtl must be between 00:00:01 and 7.00:00:00")]
    [InlineData("Rooms:MaxRooms", "many", "MaxRooms")]
    [InlineData("RateLimits:CreateRoomPerMinute", "0", "RateLimits:CreateRoomPerMinute must be between 1 and 600000")]
    [InlineData("RateLimits:JoinRoomBurst", "0", "RateLimits:JoinRoomBurst must be between 1 and 100000")]
    [InlineData("RateLimits:FailedJoinsPerMinute", "600001", "RateLimits:FailedJoinsPerMinute must be between 1 and 600000")]
    public async Task InvalidSetting_StopsStartUpWithAClearMessage(string key, string value, string message)
    {
        // Started as Program starts it. Through WebApplicationFactory a failed start races the entry point's disposal of
        // the host, and the factory then reports an ObjectDisposedException instead of the validation error.
        await using var app = RoomRouterApp.Build([$"--{key}={value}", "--urls=http://127.0.0.1:0"]);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}
