using System.Net.Http.Headers;
using System.Text;
using Testcontainers.RabbitMq;

namespace Shizhu.Testing.Broker;

/// <summary>
/// A real RabbitMQ for the tests: the broker named by SHIZHU_TEST_RABBITMQ (with its management API in
/// SHIZHU_TEST_RABBITMQ_MANAGEMENT), where each run gets its own virtual host; or else a Testcontainers container.
/// </summary>
public sealed class TestRabbitMq : IAsyncDisposable
{
    private RabbitMqContainer? _container;
    private string? _vhost;
    private Uri? _management;

    public string Uri { get; private set; } = "";

    public async Task StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("SHIZHU_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("SHIZHU_TEST_RABBITMQ_MANAGEMENT");
        if (!string.IsNullOrEmpty(configured) && !string.IsNullOrEmpty(management))
        {
            _management = new Uri(management);
            _vhost = $"shizhu-test-{Guid.NewGuid():N}"[..24];
            using var client = ManagementClient();
            using var response = await client.PutAsync($"api/vhosts/{_vhost}", new StringContent("{}", Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            Uri = configured.TrimEnd('/') + "/" + _vhost;
            return;
        }
        try
        {
            _container = new RabbitMqBuilder("rabbitmq:3.13-management-alpine").Build();
            await _container.StartAsync();
            Uri = _container.GetConnectionString();
        }
        catch (Exception ex) when (ex.GetType().Name == "DockerUnavailableException")
        {
            throw new InvalidOperationException(
                "No RabbitMQ for the tests: set SHIZHU_TEST_RABBITMQ and SHIZHU_TEST_RABBITMQ_MANAGEMENT (run `bash tests/run.sh`) or start a Docker engine.", ex);
        }
    }

    private HttpClient ManagementClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(_management!.GetLeftPart(UriPartial.Authority) + "/") };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Uri.UnescapeDataString(_management.UserInfo)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
            return;
        }
        if (_vhost is null) return;
        using var client = ManagementClient();
        using var _ = await client.DeleteAsync($"api/vhosts/{_vhost}");
    }
}
