using System.Net;
using System.Text;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Tests;

// A property name escaped as a lone surrogate parses as JSON, but looking up any property after it throws: such a
// body was a 500. Found by the body fuzz test.
public class LoneSurrogateNameTests
{
    [Theory]
    [InlineData("/create-room", """{"\ud800":1}""")]
    [InlineData("/join-room", """{"\udfff x":1,"room_id":"00157"}""")]
    public async Task ABodyWithALoneSurrogatePropertyName_IsA400(string path, string body)
    {
        await using var app = new RouterApplication();
        await app.AnnounceAsync("stream-1");
        using var client = app.CreateClient();

        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }
}
