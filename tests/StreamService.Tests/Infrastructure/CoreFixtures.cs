using System.Diagnostics.Metrics;
using AvatarStream.StreamService.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace AvatarStream.StreamService.Tests.Infrastructure;

internal static class CoreFixtures
{
    public static RelayMetrics Metrics() => new(new TestMeterFactory());

    public static RelayConnection Connection(string clientId)
    {
        var options = new RelayOptions();
        var context = new RelayContext(options, new MessagePool(1024), Metrics(), TimeProvider.System, NullLogger.Instance);
        return new RelayConnection(new Room("r", AvatarStream.StreamService.Core.V2.RoomSetup.Default), clientId, context);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
