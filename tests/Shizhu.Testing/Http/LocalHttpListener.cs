using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shizhu.Testing.Http;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 standing in for an outside provider (WeCom, DingTalk, an SMS gateway):
/// it records every request as received on the wire and answers with what the test's <see cref="Answer"/> says, so
/// the senders go through HttpClient, TCP and HTTP exactly as in production.
/// </summary>
public sealed class LocalHttpListener : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<RecordedRequest> requests = new();

    LocalHttpListener(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>How the provider answers a request; may be replaced between sends.</summary>
    public Func<RecordedRequest, ListenerReply> Answer { get; set; } = _ => new ListenerReply(404, "{}");

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. requests.Where(r => r.Path == path)];

    public static async Task<LocalHttpListener> StartAsync(Func<RecordedRequest, ListenerReply>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalHttpListener? listener = null;
        app.Run(async context => await listener!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        listener = new LocalHttpListener(app, new Uri(address));
        if (answer is not null) listener.Answer = answer;
        return listener;
    }

    async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.QueryString.Value ?? "",
            context.Request.ContentType,
            body);
        requests.Enqueue(recorded);
        var reply = Answer(recorded);
        if (reply.Delay > TimeSpan.Zero)
            await Task.Delay(reply.Delay, context.RequestAborted);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <param name="RawQuery">The query string as sent, with its encoding (signatures are checked on it).</param>
public sealed record RecordedRequest(
    string Method, string Path, IReadOnlyDictionary<string, string> Query, string RawQuery, string? ContentType, string Body);

/// <param name="Delay">How long the provider takes to answer (timeouts, concurrent sends).</param>
public sealed record ListenerReply(int Status, string Body, TimeSpan Delay = default)
{
    public static ListenerReply Json(string body) => new(200, body);
}
