using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Shizhu.Host.Tests.Infrastructure;

/// <summary>
/// The Host as its own process (<c>dotnet Shizhu.Host.dll</c>, content root <c>src/Host</c>) whose database and
/// broker connections go through <see cref="TcpProxy"/>s the test can cut — for outages and start-up, which a
/// Host inside the test process cannot show. By default it gets a fresh database and virtual host of the shared
/// servers; a replica of a <see cref="HostCluster"/> is given the cluster's database, virtual host and settings instead.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly ReplicaSettings? _replica;
    private Process? _process;

    /// <summary>A Host with a database and virtual host of its own, created by <see cref="StartAsync"/>.</summary>
    public HostProcess()
    {
    }

    /// <summary>A replica: the cluster's database, virtual host and settings (Hangfire on the database, the clock's start).</summary>
    public HostProcess(ReplicaSettings replica) => _replica = replica;

    public TestPostgres Postgres { get; } = new();
    public TestRabbitMq RabbitMq { get; } = new();
    public TcpProxy DatabaseProxy { get; private set; } = null!;
    public TcpProxy BrokerProxy { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public bool HasExited => _process?.HasExited ?? true;
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the servers' database and virtual host, the proxies (cut when asked) and the Host process.</summary>
    public async Task StartAsync(bool databaseCut = false, bool brokerCut = false)
    {
        if (_replica is null) await Task.WhenAll(Postgres.StartAsync(), RabbitMq.StartAsync());
        var database = new NpgsqlConnectionStringBuilder(_replica?.ConnectionString ?? Postgres.ConnectionString);
        var broker = new Uri(_replica?.BrokerUri ?? RabbitMq.Uri);
        DatabaseProxy = new TcpProxy(database.Host!, database.Port, databaseCut);
        BrokerProxy = new TcpProxy(broker.Host, broker.Port, brokerCut);
        database.Host = "127.0.0.1";
        database.Port = DatabaseProxy.Port;
        database.Timeout = 3;
        var brokerUri = new UriBuilder(broker) { Host = "127.0.0.1", Port = BrokerProxy.Port }.Uri.ToString();
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "src", "Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(root, "src", "Host", "bin", Configuration, "net10.0", "Shizhu.Host.dll"));
        // Nothing of the test process's own settings (the in-process Host's variables) leaks into this one.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(key);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = database.ConnectionString,
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__RabbitMqUri"] = brokerUri,
            ["Scheduler__Storage"] = "InMemory",
            ["Clock__Mode"] = "Simulated",
            ["Clock__StateFile"] = "",
            ["Seed__AdminUser"] = HostFixture.AdminUser,
            ["Seed__AdminPassword"] = HostFixture.AdminPassword,
            ["Seed__DemoUsers"] = "false",
            ["Auth__SigningKey"] = "test-signing-key-0123456789-0123456789-abcdef",
            ["Evidence__RootPath"] = Path.Combine(Path.GetTempPath(), $"shizhu-evidence-{Guid.NewGuid():N}"),
            ["Notifications__Email__Enabled"] = "false",
            ["Startup__WaitForDependencies"] = "00:02:00",
        };
        foreach (var (key, value) in _replica?.Settings ?? new Dictionary<string, string>()) settings[key] = value;
        foreach (var (key, value) in settings) start.Environment[key] = value;

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The operating system's id of the Host process.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The Host was not started.");

    /// <summary>Whether <see cref="KillAsync"/> was called: requests cut by the kill are expected.</summary>
    public bool Killed { get; private set; }

    /// <summary>Ends the Host at once with SIGKILL (no shutdown, no flushing), as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        Killed = true;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails with the Host's output if it exits or the time runs out.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (HasExited) throw new InvalidOperationException($"The Host exited with {_process!.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The Host was not ready within {timeout}:\n{Output}");
            await Task.Delay(250);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Shizhu.Workflows.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Shizhu.Workflows.sln) is not above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (DatabaseProxy is not null) await DatabaseProxy.DisposeAsync();
        if (BrokerProxy is not null) await BrokerProxy.DisposeAsync();
        if (_replica is not null) return;
        await RabbitMq.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
