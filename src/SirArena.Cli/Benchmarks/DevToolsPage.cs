using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SirArena.Cli.Benchmarks;

/// <summary>
/// One page in Debian's headless chromium (found on the PATH, never downloaded), driven over the DevTools protocol
/// with .NET's own WebSocket client, so that measuring a page needs no browser-driver package: the browser opens the
/// page at start, and <see cref="Evaluate"/> runs an expression in it and returns the value.
/// </summary>
public sealed class DevToolsPage : IAsyncDisposable
{
    readonly Process _browser;
    readonly string _profile;
    readonly ClientWebSocket _socket = new();
    int _nextId;

    DevToolsPage(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    public static async Task<DevToolsPage> OpenAsync(string url, CancellationToken cancellation)
    {
        var browser = OnPath("chromium") ?? throw new FileNotFoundException(
            "bench inspector needs Debian's chromium on the PATH (apt-get install -y chromium), and it is not there");
        var profile = Directory.CreateTempSubdirectory("sirarena-chromium-").FullName;
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList =
            {
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1500,1100",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run", url,
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{browser} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var page = new DevToolsPage(process, profile);
        try
        {
            await page.ConnectAsync(cancellation);
            return page;
        }
        catch
        {
            await page.DisposeAsync();
            throw;
        }
    }

    /// <summary>The browser writes the port it chose into its profile; the page's own socket is listed there.</summary>
    async Task ConnectAsync(CancellationToken cancellation)
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile, cancellation)).Length < 2)
        {
            if (_browser.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"headless chromium did not open its DevTools port (exit: {(_browser.HasExited ? _browser.ExitCode : "still running")})");
            await Task.Delay(50, cancellation);
        }
        var port = (await File.ReadAllLinesAsync(portFile, cancellation))[0].Trim();
        using var http = new HttpClient();
        string? socket = null;
        while (socket is null)
        {
            var targets = await http.GetFromJsonAsync<JsonArray>($"http://127.0.0.1:{port}/json/list", cancellation);
            socket = targets?.FirstOrDefault(t => (string?)t?["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (socket is null) await Task.Delay(50, cancellation);
        }
        await _socket.ConnectAsync(new Uri(socket), cancellation);
    }

    /// <summary>The value of <paramref name="expression"/> in the page (a promise is awaited), as JSON.</summary>
    public async Task<JsonNode?> Evaluate(string expression, CancellationToken cancellation)
    {
        int id = ++_nextId;
        var request = new JsonObject
        {
            ["id"] = id,
            ["method"] = "Runtime.evaluate",
            ["params"] = new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true },
        };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, cancellation);
        while (true)
        {
            var reply = await ReceiveAsync(cancellation);
            if ((int?)reply["id"] != id) continue; // an event, not our answer
            if (reply["result"]?["exceptionDetails"] is { } error)
                throw new InvalidOperationException($"the page could not evaluate {expression}: {error.ToJsonString()}");
            return reply["result"]?["result"]?["value"];
        }
    }

    async Task<JsonNode> ReceiveAsync(CancellationToken cancellation)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult part;
        do
        {
            part = await _socket.ReceiveAsync(buffer, cancellation);
            if (part.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("headless chromium closed the DevTools connection");
            message.Write(buffer, 0, part.Count);
        } while (!part.EndOfMessage);
        return JsonNode.Parse(message.ToArray()) ?? throw new InvalidDataException("an empty DevTools message");
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_browser.HasExited) _browser.Kill(entireProcessTree: true);
        await _browser.WaitForExitAsync();
        _browser.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } // a late write of the exiting browser
    }

    static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
