using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AvatarStream.DevSidecar.Tests.Infrastructure;
using Dapr.Client;
using Grpc.Core;

namespace AvatarStream.DevSidecar.Tests;

// Output bindings (dapr-contract §6): bindings.localstorage and bindings.smtp over HTTP POST /v1.0/bindings/{name} and
// over gRPC InvokeBinding through the SDK's DaprClient.InvokeBindingAsync.
public sealed class OutputBindingTests
{
    [Fact]
    public async Task LocalStorage_CreateGetListDelete_OverHttp()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var root = AddLocalStorage(harness);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();

        var created = await PostAsync(http, "files", new { operation = "create", data = "Hello World", metadata = new { fileName = "greeting.txt" } });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("greeting.txt", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
        Assert.Equal("Hello World", await File.ReadAllTextAsync(Path.Combine(root, "greeting.txt")));

        var got = await PostAsync(http, "files", new { operation = "get", metadata = new { fileName = "greeting.txt" } });
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        Assert.Equal("Hello World", await got.Content.ReadAsStringAsync());

        await PostAsync(http, "files", new { operation = "create", data = new { a = 1 }, metadata = new { fileName = "sub/data.json" } });
        Assert.Equal("{\"a\":1}", await File.ReadAllTextAsync(Path.Combine(root, "sub", "data.json")));

        var listed = await PostAsync(http, "files", new { operation = "list" });
        Assert.Equal(
            [Path.Combine(root, "greeting.txt"), Path.Combine(root, "sub", "data.json")],
            (await listed.Content.ReadFromJsonAsync<string[]>())!);

        var deleted = await PostAsync(http, "files", new { operation = "delete", metadata = new { fileName = "greeting.txt" } });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(File.Exists(Path.Combine(root, "greeting.txt")));

        await AssertHttpErrorAsync(HttpStatusCode.InternalServerError, "ERR_INVOKE_OUTPUT_BINDING",
            await PostAsync(http, "files", new { operation = "get", metadata = new { fileName = "greeting.txt" } }));
    }

    [Fact]
    public async Task LocalStorage_CreateWithoutFileName_UsesAUuid_AndHttpBase64IsDecoded()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var root = AddLocalStorage(harness);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();
        byte[] binary = [0, 1, 2, 250, 255];

        var created = await PostAsync(http, "files", new { operation = "create", data = Convert.ToBase64String(binary) });

        var fileName = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString()!;
        Assert.True(Guid.TryParse(fileName, out _), fileName);
        Assert.Equal(binary, await File.ReadAllBytesAsync(Path.Combine(root, fileName)));

        // Spaces are no base64 (Go's decoder refuses them), so this text stays text.
        await PostAsync(http, "files", new { operation = "create", data = "abcd efgh", metadata = new { fileName = "words.txt" } });
        Assert.Equal("abcd efgh", await File.ReadAllTextAsync(Path.Combine(root, "words.txt")));
    }

    [Fact]
    public async Task LocalStorage_OverGrpc_RoundTripsBinaryByteForByte()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var root = AddLocalStorage(harness);
        var app = await harness.StartAsync("app1");
        var video = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7 % 256)).ToArray();

        var created = await app.Client.InvokeBindingAsync(new BindingRequest("files", "create")
        {
            Data = video,
            Metadata = { ["fileName"] = "rec/clip.webm" },
        });
        Assert.Equal("rec/clip.webm", JsonDocument.Parse(created.Data).RootElement.GetProperty("fileName").GetString());
        Assert.Equal(video, await File.ReadAllBytesAsync(Path.Combine(root, "rec", "clip.webm")));

        var got = await app.Client.InvokeBindingAsync(new BindingRequest("files", "get") { Metadata = { ["fileName"] = "rec/clip.webm" } });
        Assert.Equal(video, got.Data.ToArray());

        var listed = await app.Client.InvokeBindingAsync(new BindingRequest("files", "list"));
        Assert.Equal([Path.Combine(root, "rec", "clip.webm")], JsonSerializer.Deserialize<string[]>(listed.Data.Span)!);

        await app.Client.InvokeBindingAsync(new BindingRequest("files", "delete") { Metadata = { ["fileName"] = "rec/clip.webm" } });
        Assert.False(File.Exists(Path.Combine(root, "rec", "clip.webm")));

        var error = await DaprAssert.FailsWith(StatusCode.Internal,
            () => app.Client.InvokeBindingAsync(new BindingRequest("files", "get") { Metadata = { ["fileName"] = "rec/clip.webm" } }));
        Assert.Contains("error invoking output binding files: file not found", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("sub/../../escape.txt")]
    [InlineData("{outside}/escape.txt")]
    [InlineData("sub\\..\\..\\escape.txt")]
    [InlineData("./escape.txt")]
    [InlineData("sub//escape.txt")]
    public async Task LocalStorage_RefusesFileNamesThatCouldLeaveRootPath(string fileName)
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var root = AddLocalStorage(harness);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();
        var before = AllFiles(harness.Folder.Path);
        fileName = fileName.Replace("{outside}", harness.Folder.Path, StringComparison.Ordinal);

        await AssertHttpErrorAsync(HttpStatusCode.InternalServerError, "ERR_INVOKE_OUTPUT_BINDING",
            await PostAsync(http, "files", new { operation = "create", data = "x", metadata = new { fileName } }));
        var error = await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.InvokeBindingAsync(
            new BindingRequest("files", "create") { Data = "x"u8.ToArray(), Metadata = { ["fileName"] = fileName } }));

        Assert.Contains("invalid fileName", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, AllFiles(harness.Folder.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public async Task LocalStorage_RefusesANameThroughASymbolicLinkOutOfRootPath()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var root = AddLocalStorage(harness);
        var outside = Directory.CreateDirectory(harness.Folder.Combine("outside")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(Directory.CreateDirectory(root).FullName, "link"), outside);
        var app = await harness.StartAsync("app1");

        await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.InvokeBindingAsync(
            new BindingRequest("files", "create") { Data = "x"u8.ToArray(), Metadata = { ["fileName"] = "link/escape.txt" } }));

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    [Fact]
    public async Task LocalStorage_AnIoErrorIsAnErrorAnswer_AndLeavesNoFileBehind()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var root = AddLocalStorage(harness);
        Directory.CreateDirectory(Path.Combine(root, "taken"));
        var app = await harness.StartAsync("app1");

        // The final name is a folder: the rename of the written temporary file fails.
        var error = await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.InvokeBindingAsync(
            new BindingRequest("files", "create") { Data = "x"u8.ToArray(), Metadata = { ["fileName"] = "taken" } }));

        Assert.Contains("error writing file taken", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(root, "taken")], Directory.EnumerateFileSystemEntries(root));
        var listed = await app.Client.InvokeBindingAsync(new BindingRequest("files", "list"));
        Assert.Equal("[]", Encoding.UTF8.GetString(listed.Data.Span));
    }

    [Fact]
    public async Task UnknownBindingOperationOrBody_AreDaprsErrors()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        AddLocalStorage(harness);
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();

        await AssertHttpErrorAsync(HttpStatusCode.InternalServerError, "ERR_INVOKE_OUTPUT_BINDING",
            await PostAsync(http, "nope", new { operation = "create", data = "x" }));
        await AssertHttpErrorAsync(HttpStatusCode.InternalServerError, "ERR_INVOKE_OUTPUT_BINDING",
            await PostAsync(http, "files", new { operation = "rename", data = "x" }));
        using var malformed = await http.PostAsync(new Uri("/v1.0/bindings/files", UriKind.Relative), new StringContent("{not json"));
        await AssertHttpErrorAsync(HttpStatusCode.BadRequest, "ERR_MALFORMED_REQUEST", malformed);

        var unknown = await DaprAssert.FailsWith(StatusCode.Internal,
            () => app.Client.InvokeBindingAsync(new BindingRequest("nope", "create")));
        Assert.Contains("couldn't find output binding nope", unknown.Status.Detail, StringComparison.Ordinal);
        var operation = await DaprAssert.FailsWith(StatusCode.Internal,
            () => app.Client.InvokeBindingAsync(new BindingRequest("files", "rename")));
        Assert.Contains("does not support operation rename", operation.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BindingScopedToAnotherAppIsNotServed()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("files.yaml", ComponentYaml.Of("files", "bindings.localstorage",
            new Dictionary<string, string> { ["rootPath"] = harness.Folder.Combine("files") }, "scopes: [\"recorder\"]"));
        var other = await harness.StartAsync("other");
        var recorder = await harness.StartAsync("recorder");

        await DaprAssert.FailsWith(StatusCode.Internal, () => other.Client.InvokeBindingAsync(
            new BindingRequest("files", "create") { Data = "x"u8.ToArray(), Metadata = { ["fileName"] = "a" } }));
        await recorder.Client.InvokeBindingAsync(new BindingRequest("files", "create") { Data = "x"u8.ToArray(), Metadata = { ["fileName"] = "a" } });

        Assert.Equal("x", await File.ReadAllTextAsync(harness.Folder.Combine("files", "a")));
    }

    [Fact]
    public async Task LocalStorage_RelativeRootPathResolvesAgainstTheWorkingDirectory()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, harness.Folder.Combine("relative-files"));
        harness.AddComponent("files.yaml", ComponentYaml.Of("files", "bindings.localstorage",
            new Dictionary<string, string> { ["rootPath"] = relative }));
        var app = await harness.StartAsync("app1");

        await app.Client.InvokeBindingAsync(new BindingRequest("files", "create") { Data = "x"u8.ToArray(), Metadata = { ["fileName"] = "a" } });

        Assert.True(File.Exists(harness.Folder.Combine("relative-files", "a")));
    }

    [Fact]
    public async Task LocalStorage_WithoutRootPath_StopsTheStart()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        harness.AddComponent("files.yaml", ComponentYaml.Of("files", "bindings.localstorage"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => harness.StartAsync("app1"));

        Assert.Contains("rootPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_WritesAnEmlIntoTheOutbox_AndLogsOnlyItsFileName()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var outbox = AddSmtp(harness, harness.Folder.Combine("mail"));
        var app = await harness.StartAsync("app1");
        using var http = app.CreateHttpClient();
        const string body = "<p>Your recording: https://example.org/private/ae43</p>";

        var sent = await PostAsync(http, "mail", new
        {
            operation = "create",
            data = body,
            metadata = new { emailTo = "ann@example.org; bob@example.org", subject = "Recording ready", emailCC = "cc@example.org" },
        });

        Assert.Equal(HttpStatusCode.NoContent, sent.StatusCode);
        var file = Assert.Single(Directory.GetFiles(outbox, "*.eml"));
        var (headers, text) = ReadEml(file);
        Assert.Equal("noreply@example.org", headers["From"]);
        Assert.Equal("ann@example.org, bob@example.org", headers["To"]);
        Assert.Equal("cc@example.org", headers["Cc"]);
        Assert.Equal("Recording ready", headers["Subject"]);
        Assert.Equal("3", headers["X-Priority"]);
        Assert.StartsWith("text/html", headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(body, text);

        var logged = harness.Logs.Messages.Where(m => m.Contains(Path.GetFileName(file), StringComparison.Ordinal)).ToArray();
        Assert.Single(logged);
        Assert.DoesNotContain(harness.Logs.Messages, m => m.Contains("ae43", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Smtp_OverGrpc_TakesTheSdksJsonString_AndRequestMetadataOverridesTheComponent()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var outbox = AddSmtp(harness, harness.Folder.Combine("mail"));
        var app = await harness.StartAsync("app1");

        await app.Client.InvokeBindingAsync("mail", "create", "<b>Grüße</b>", new Dictionary<string, string>
        {
            ["emailTo"] = "ann@example.org",
            ["emailFrom"] = "other@example.org",
            ["subject"] = "Grüße",
            ["priority"] = "1",
        });

        var (headers, text) = ReadEml(Assert.Single(Directory.GetFiles(outbox, "*.eml")));
        Assert.Equal("other@example.org", headers["From"]);
        Assert.Equal("=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Grüße")) + "?=", headers["Subject"]);
        Assert.Equal("1", headers["X-Priority"]);
        Assert.Equal("<b>Grüße</b>", text);
    }

    [Fact]
    public async Task Smtp_RefusesMissingRecipientsBadPriorityAndDataThatIsNoJsonString()
    {
        await using var harness = SidecarHarness.Create(StoreKind.InMemory);
        var outbox = AddSmtp(harness, harness.Folder.Combine("mail"));
        var app = await harness.StartAsync("app1");

        var noTo = await DaprAssert.FailsWith(StatusCode.Internal,
            () => app.Client.InvokeBindingAsync("mail", "create", "x", new Dictionary<string, string> { ["subject"] = "s" }));
        Assert.Contains("emailTo property not supplied", noTo.Status.Detail, StringComparison.Ordinal);
        await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.InvokeBindingAsync("mail", "create", "x",
            new Dictionary<string, string> { ["subject"] = "s", ["emailTo"] = "a@example.org", ["priority"] = "9" }));
        await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.InvokeBindingAsync(new BindingRequest("mail", "create")
        {
            Data = "raw"u8.ToArray(),
            Metadata = { ["subject"] = "s", ["emailTo"] = "a@example.org" },
        }));
        await DaprAssert.FailsWith(StatusCode.Internal, () => app.Client.InvokeBindingAsync("mail", "get", "x"));

        Assert.False(Directory.Exists(outbox) && Directory.EnumerateFileSystemEntries(outbox).Any());
    }

    [Fact]
    public async Task Smtp_DefaultOutboxIsBesideTheStateDatabase()
    {
        await using var harness = SidecarHarness.Create(StoreKind.Sqlite);
        AddSmtp(harness, outboxPath: null);
        var app = await harness.StartAsync("app1");

        await app.Client.InvokeBindingAsync("mail", "create", "hi",
            new Dictionary<string, string> { ["emailTo"] = "a@example.org", ["subject"] = "s" });

        var outbox = Path.Combine(Path.GetDirectoryName(harness.DatabasePath)!, "outbox");
        Assert.Single(Directory.GetFiles(outbox, "*.eml"));
    }

    private static string AddLocalStorage(SidecarHarness harness)
    {
        var root = harness.Folder.Combine("files");
        harness.AddComponent("files.yaml", ComponentYaml.Of("files", "bindings.localstorage",
            new Dictionary<string, string> { ["rootPath"] = root }));
        return root;
    }

    private static string AddSmtp(SidecarHarness harness, string? outboxPath)
    {
        var metadata = new Dictionary<string, string> { ["host"] = "localhost", ["port"] = "25", ["emailFrom"] = "noreply@example.org" };
        if (outboxPath is not null)
        {
            metadata["outboxPath"] = outboxPath;
        }

        harness.AddComponent("mail.yaml", ComponentYaml.Of("mail", "bindings.smtp", metadata));
        return outboxPath ?? "";
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string binding, object body) =>
        http.PostAsJsonAsync(new Uri($"/v1.0/bindings/{binding}", UriKind.Relative), body);

    private static async Task AssertHttpErrorAsync(HttpStatusCode status, string errorCode, HttpResponseMessage response)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(errorCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    private static string[] AllFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal).ToArray();

    // The headers and the decoded base64 body of an .eml the smtp binding wrote.
    private static (Dictionary<string, string> Headers, string Body) ReadEml(string path)
    {
        var text = File.ReadAllText(path);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, "no blank line between headers and body");
        var headers = text[..split].Split("\r\n")
            .Select(line => line.Split(": ", 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.OrdinalIgnoreCase);
        Assert.Equal("base64", headers["Content-Transfer-Encoding"]);
        var body = Encoding.UTF8.GetString(Convert.FromBase64String(text[(split + 4)..].Replace("\r\n", "", StringComparison.Ordinal)));
        return (headers, body);
    }
}
