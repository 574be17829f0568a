using AvatarStream.Contracts;
using AvatarStream.StreamService.Endpoints;
using AvatarStream.StreamService.Tests.Infrastructure;
using AvatarStream.Testing.Fuzzing;
using CsCheck;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AvatarStream.StreamService.Tests.Fuzz;

// The credential reader on its own, on every generated and mutated form: it never throws, a refusal says why, and what
// it accepts is a ticket or a v2 resume with a room id, echoed back verbatim only for the seed's raw header.
public sealed class StreamCredentialsProperties
{
    private const int Attempts = 5000;

    [Fact]
    public void TheReaderNeverThrows_AndAcceptsOnlyATicketOrAResumeAlone()
    {
        var accepted = 0;
        FuzzCases.Check(
            UpgradeCredentialForms.Any([("00157", ClientIds.Fixed), ("99999", ClientIds.Fixed)], Gen.Const(TestTickets.For("00157", ClientIds.Fixed))),
            Attempts,
            attempt =>
            {
                if (!StreamCredentials.TryRead(Upgrade(attempt), out var credentials, out var refusal))
                {
                    Assert.False(string.IsNullOrWhiteSpace(refusal));
                    return;
                }

                // The ticket itself is checked later, against its signature, room and instance.
                Assert.True(
                    credentials.Ticket is not null || (Identifiers.IsRoomId(credentials.RoomId) && credentials.Resume is not null),
                    $"{credentials}");
                Assert.True(credentials.RawProtocolEcho is null || credentials.RawProtocolEcho.StartsWith('{'), credentials.RawProtocolEcho);
                accepted++;
            });

        // The forms reach past the parser, so the checks above are met.
        Assert.InRange(accepted, Attempts / 20, Attempts);
    }

    private static DefaultHttpContext Upgrade(UpgradeAttempt attempt)
    {
        var context = new DefaultHttpContext();
        var query = attempt.Target.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            context.Request.QueryString = QueryString.FromUriComponent(attempt.Target[query..]);
        }

        context.Request.Headers.SecWebSocketProtocol = new StringValues([.. attempt.ProtocolHeaders]);
        return context;
    }
}
