using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>What a replica shares with the others: one database, one virtual host, and the settings every replica gets.</summary>
public sealed record ReplicaSettings(string ConnectionString, string BrokerUri, IReadOnlyDictionary<string, string> Settings);

/// <summary>
/// Several Host processes as production runs them (ADR 0046): ONE PostgreSQL database (a copy of the seeded
/// <see cref="HostTemplate"/>, so a replica starts on an existing database), ONE RabbitMQ virtual host, Hangfire's
/// schema in that database, one evidence folder (compose's shared volume) and one signing key, so a token from one
/// replica is good on every other. The simulated clock lives in each process's memory (in production replicas use the
/// system clock): the cluster moves it to the same instant on every live replica, each of which then sweeps, and a
/// replica started later begins at the cluster's current time.
/// </summary>
public sealed class HostCluster : IAsyncDisposable
{
    private readonly TestRabbitMq _rabbitMq = new();
    private readonly string _evidenceRoot = Path.Combine(Path.GetTempPath(), $"shizhu-evidence-{Guid.NewGuid():N}");
    private readonly List<HostProcess> _everyProcess = [];
    private HostProcess?[] _replicas = [];
    private string _adminToken = "";

    public string ConnectionString { get; private set; } = "";

    /// <summary>The simulated instant the cluster last moved every replica to (UTC).</summary>
    public DateTimeOffset Now { get; private set; } = new(2022, 1, 4, 9, 0, 0, TimeSpan.FromHours(8));

    public HostProcess Replica(int index) => _replicas[index] ?? throw new InvalidOperationException($"Replica {index} is not running.");

    /// <summary>Copies the template database, makes the virtual host and starts <paramref name="count"/> replicas side by side.</summary>
    public async Task StartAsync(int count)
    {
        var copy = (await HostTemplate.Shared).CopyAsync(maxPoolSize: 30);
        await Task.WhenAll(copy, _rabbitMq.StartAsync());
        ConnectionString = await copy;
        _replicas = new HostProcess?[count];
        await Task.WhenAll(Enumerable.Range(0, count).Select(StartReplicaAsync));
        using var client = Replica(0).CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = HostFixture.AdminUser, password = HostFixture.AdminPassword });
        login.EnsureSuccessStatusCode();
        _adminToken = (await login.ReadJsonAsync()).Str("accessToken");
    }

    /// <summary>Starts replica <paramref name="index"/> (again, after a kill) at the cluster's current simulated time and waits until it is ready.</summary>
    public async Task StartReplicaAsync(int index)
    {
        if (_replicas[index] is { HasExited: false }) throw new InvalidOperationException($"Replica {index} is running.");
        var settings = new Dictionary<string, string>
        {
            ["Scheduler__Storage"] = "Postgres",
            // Small batches, so one sweep's timers are shared out between the replicas' firing loops.
            ["Scheduler__SweepBatchSize"] = "2",
            ["Clock__Start"] = Now.ToString("O", CultureInfo.InvariantCulture),
            ["Evidence__RootPath"] = _evidenceRoot,
            ["Bus__OutboxPollInterval"] = "00:00:00.500",
            ["Notifications__Delivery__SweepInterval"] = "00:00:01",
            ["SignIn__PermitsPerIp"] = "100000",
            ["SignIn__PermitsPerUser"] = "100000",
        };
        var replica = new HostProcess(new ReplicaSettings(ConnectionString, _rabbitMq.Uri, settings));
        _everyProcess.Add(replica);
        _replicas[index] = replica;
        await replica.StartAsync();
        await replica.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
    }

    /// <summary>SIGKILLs replica <paramref name="index"/>; its process is gone when this returns.</summary>
    public async Task KillAsync(int index)
    {
        await Replica(index).KillAsync();
        _replicas[index] = null;
    }

    /// <summary>A client of replica <paramref name="index"/> signed in as the county office's administrator.</summary>
    public HttpClient AdminClient(int index) => Bearer(Replica(index).CreateClient(), _adminToken);

    /// <summary>A client of replica <paramref name="index"/> carrying <paramref name="token"/>.</summary>
    public static HttpClient Bearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Moves every live replica's simulated clock to <paramref name="to"/> at the same moment; each one's clock API
    /// then sweeps the timers due, so the replicas' sweeps run side by side. With <paramref name="tolerateKilled"/> a
    /// replica killed under the request is left out (the survivors' sweeps fire what it would have). Answers the
    /// timers each replica's sweep fired (-1: not running, or killed under the request).
    /// </summary>
    public async Task<IReadOnlyList<int>> AdvanceClockAsync(DateTimeOffset to, bool tolerateKilled = false)
    {
        var fired = await Task.WhenAll(_replicas.Select(async replica =>
        {
            if (replica is not { HasExited: false }) return -1;
            using var admin = Bearer(replica.CreateClient(), _adminToken);
            admin.Timeout = TimeSpan.FromMinutes(3);
            try
            {
                using var response = await admin.PostAsJsonAsync("/api/admin/clock", new { to });
                var text = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode) return System.Text.Json.Nodes.JsonNode.Parse(text)!["timersFired"]!.GetValue<int>();
                if (tolerateKilled && replica.Killed) return -1;
                throw new InvalidOperationException($"Moving replica {replica.BaseAddress}'s clock to {to:O} answered {(int)response.StatusCode}: {text}");
            }
            catch (Exception ex) when (tolerateKilled && replica.Killed && ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // Killed while it swept.
                return -1;
            }
        }));
        Now = to;
        return fired;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _everyProcess) await process.DisposeAsync();
        await _rabbitMq.DisposeAsync();
        if (ConnectionString.Length > 0) await (await HostTemplate.Shared).DropCopyAsync(ConnectionString);
        if (Directory.Exists(_evidenceRoot)) Directory.Delete(_evidenceRoot, recursive: true);
    }
}
