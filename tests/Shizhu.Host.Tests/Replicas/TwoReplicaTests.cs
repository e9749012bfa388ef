using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;
using Shizhu.Host.Tests.Infrastructure;

namespace Shizhu.Host.Tests.Replicas;

/// <summary>
/// Two Host processes on one PostgreSQL database, one RabbitMQ virtual host and one Hangfire schema (ADR 0046):
/// completions through both over HTTP, timers fired by both replicas' sweeps, one replica SIGKILLed in the middle of a
/// burst and started again; then the shared database is read in SQL for anything lost or doubled.
/// </summary>
[Trait("Category", "Replica")]
[Trait("Category", "Postgres")]
[Trait("Category", "Broker")]
public sealed class TwoReplicaTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Townships = 16;
    /// <summary>The townships whose work is done in the burst; the others' tasks stay open and run down the escalation chain.</summary>
    private const int BusyTownships = 6;
    /// <summary>Tasks each busy township completes one after another in the burst.</summary>
    private const int Rounds = 4;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly HostCluster _cluster = new();
    private readonly Dictionary<string, string> _staffTokens = [];
    private readonly HashSet<Guid> _answeredCompleted = [];
    private int _killedReplica = -1;
    private int _retriedAfterKill;

    public Task InitializeAsync() => _cluster.StartAsync(2);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task TwoHostsOnOneDatabaseAndBrokerLoseAndDoubleNothingWhenOneIsKilledInABurstOfCompletionsAndTimers()
    {
        await using var ledger = new ReplicaLedger(_cluster.ConnectionString);
        var codes = TownshipCodes.ForTests.Take(Townships).ToList();
        await StartWorkflowsAsync(codes);
        await AdvanceAsync(new DateTimeOffset(2023, 1, 2, 9, 0, 0, China));
        var inboxes = await InboxesAsync(codes);

        // Warm-up: the first task of every township, each completed through the replica other than the one that answered its inbox.
        await Task.WhenAll(codes.Select((code, i) => CompleteAsync(code, inboxes[code][0], replica: (i + 1) % 2)));

        // The burst: each busy township works through its next tasks one after another (a task's successor appears when
        // it is completed), alternating replicas, while the clock moves into the warning window and past the first
        // deadlines (both replicas sweeping), and replica 1 is SIGKILLed once half the burst's completions have answered.
        var earliestDue = await EarliestOpenDueAsync(ledger);
        var halfAnswered = new TaskCompletionSource();
        var answered = 0;
        var chains = codes.Take(BusyTownships).Select((code, i) => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var next = await NextTaskAsync(code, replica: (i + round) % 2);
                if (next is null) return;
                await CompleteAsync(code, next, replica: (i + round + 1) % 2);
                if (Interlocked.Increment(ref answered) == BusyTownships * Rounds / 2) halfAnswered.TrySetResult();
            }
        })).ToList();
        var warningWindow = Later(earliestDue.AddDays(-1), _cluster.Now.AddMinutes(1));
        await AdvanceAsync(warningWindow);
        await Task.WhenAny(halfAnswered.Task, Task.WhenAll(chains)).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(halfAnswered.Task.IsCompleted, $"the burst ended after {answered} completions, before half of them");
        // Past the first deadlines: both replicas are asked to sweep, and replica 1 dies while its request is in flight.
        var clock = AdvanceAsync(earliestDue.AddHours(1), tolerateKilled: true);
        _killedReplica = 1;
        await _cluster.KillAsync(1);
        await Task.WhenAll(chains.Append(clock));
        Assert.True(answered >= BusyTownships * Rounds / 2, $"only {answered} completions in the burst");

        // Replica 1 again; then the clock past every step of the escalation chain and on to 09:00 (China) of a later day,
        // with both replicas sweeping and the daily digest due.
        await _cluster.StartReplicaAsync(1);
        _killedReplica = -1;
        var pastTheChain = ChinaMorning(earliestDue.AddDays(30));
        await AdvanceAsync(earliestDue.AddDays(8));
        await AdvanceAsync(pastTheChain);

        await WaitUntilAsync(async () => (await ledger.TimersDueButPendingAsync(pastTheChain)).Count == 0, "every due timer to fire");
        // The digest commits one person at a time: wait until the day's runs stop growing, so no digest event is still on
        // its way while the checks below read (a digest counted before its notification was made looked doubled or lost).
        var digestsSeen = -1L;
        var unchangedSince = DateTime.UtcNow;
        await WaitUntilAsync(async () =>
        {
            var digests = await ledger.CountAsync(
                "SELECT count(*) FROM workflows.digest_runs WHERE day = (@now AT TIME ZONE 'Asia/Shanghai')::date", pastTheChain);
            if (digests != digestsSeen) (digestsSeen, unchangedSince) = (digests, DateTime.UtcNow);
            return digests > 0 && DateTime.UtcNow - unchangedSince > TimeSpan.FromSeconds(3);
        }, "the daily digest at 08:30 China time, sent to everyone due one", TimeSpan.FromSeconds(100));
        await WaitUntilAsync(async () => (await ledger.OutboxEventsUnpublishedOrDoubledAsync()).Count == 0
            && (await ledger.EventsTheInAppConsumerHasNotProcessedAsync()).Count == 0, "every event published and consumed");

        output.WriteLine($"{_answeredCompleted.Count} completions answered 200, {_retriedAfterKill} of them retried on replica 0 after the kill");
        foreach (var line in await ledger.FiguresAsync()) output.WriteLine(line);
        Assert.Equal(_answeredCompleted, await ledger.CompletedTaskIdsAsync());
        // Every rule is checked and every breach named at once: one run shows all that was lost or doubled.
        var breaches = new List<string>();
        async Task Check(string rule, Task<IReadOnlyList<string>> rows) => breaches.AddRange((await rows).Select(r => $"{rule}: {r}"));
        await Check("completion journal", ledger.CompletionsWithoutOneJournalRowAsync());
        await Check("timer lost", ledger.TimersDueButPendingAsync(pastTheChain));
        await Check("alert per fired timer", ledger.AlertsNotOnePerFiredTimerAsync());
        await Check("escalation chain", ledger.LongOverdueTasksWithoutTheWholeChainOnceAsync(pastTheChain.AddDays(-25)));
        await Check("outbox", ledger.OutboxEventsUnpublishedOrDoubledAsync());
        await Check("consumed", ledger.EventsTheInAppConsumerHasNotProcessedAsync());
        await Check("notification doubled", ledger.NotificationsDoubledAsync());
        await Check("escalation notification", ledger.EscalationEventsWithoutTheirNotificationAsync());
        await Check("daily digest", ledger.DigestsNotOncePerPersonAndDayAsync());
        Assert.Empty(breaches);
        Assert.True(await ledger.CountAsync("SELECT count(*) FROM workflows.task_alerts WHERE kind = 'EscalatedToOffice'") > 0,
            "no task ran down the whole escalation chain");
        Assert.True(await ledger.CountAsync("SELECT count(*) FROM workflows.task_alerts WHERE kind = 'DueSoon'") > 0, "no yellow warning was raised");
    }

    /// <summary>A staff account per township and a municipal workflow for 2023, made through alternating replicas.</summary>
    private async Task StartWorkflowsAsync(IReadOnlyList<string> codes)
    {
        await Task.WhenAll(codes.Select(async (code, i) =>
        {
            using var admin = _cluster.AdminClient(i % 2);
            var staff = $"staff-{code}";
            using var created = await admin.PostAsJsonAsync("/api/users", new
            {
                userName = staff, password = HostFixture.UserPassword, displayName = $"办事员{i}", roles = new[] { "township-staff" },
                townshipCode = code, email = $"{staff}@test.local",
            });
            Assert.True(created.IsSuccessStatusCode, $"creating {staff} answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
            await admin.PostJsonAsync("/api/workflows", new { townshipCode = code, track = "municipal", startYear = 2023 });
            using var signIn = await ApiClients.SignInAsync(_cluster.Replica((i + 1) % 2).BaseAddress, staff, HostFixture.UserPassword);
            lock (_staffTokens) _staffTokens[code] = signIn.DefaultRequestHeaders.Authorization!.Parameter!;
        }));
    }

    /// <summary>Each township's open tasks, read through alternating replicas once the workflow's timer start has made them.</summary>
    private async Task<Dictionary<string, List<string>>> InboxesAsync(IReadOnlyList<string> codes)
    {
        var inboxes = await Task.WhenAll(codes.Select(async (code, i) =>
        {
            using var staff = StaffClient(code, i % 2);
            var tasks = await Eventually.UntilAsync(async () => (await staff.GetJsonAsync("/api/inbox?limit=100")).Items().Select(t => t.Str("id")).ToList(),
                ids => ids.Count > 0, $"open tasks in {code}'s inbox");
            return (code, tasks);
        }));
        return inboxes.ToDictionary(i => i.code, i => i.tasks);
    }

    /// <summary>
    /// Uploads the task's required evidence and completes it through <paramref name="replica"/> under one idempotency key;
    /// if that replica is killed meanwhile, the same request (same key) goes to the other replica, as a client would retry.
    /// </summary>
    private async Task CompleteAsync(string code, string taskId, int replica)
    {
        var key = $"complete-{taskId}";
        for (var attempt = 0; ; attempt++)
        {
            var target = replica == _killedReplica || attempt > 0 ? 0 : replica;
            try
            {
                using var staff = StaffClient(code, target);
                if (attempt == 0) await staff.UploadRequiredEvidenceAsync(taskId);
                else await UploadUnlessCompletedAsync(staff, taskId);
                using var response = await staff.PostIdempotentAsync($"/api/tasks/{taskId}/complete", new { comment = "副本测试办结" }, key);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"completing {taskId} through replica {target} answered {(int)response.StatusCode}: {text}");
                lock (_answeredCompleted) _answeredCompleted.Add(Guid.Parse(taskId));
                return;
            }
            catch (Exception ex) when (attempt < 3 && target != 0 && ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // The replica died under the request: whether it committed or not, the retry with the key answers once.
                Interlocked.Increment(ref _retriedAfterKill);
            }
        }
    }

    /// <summary>
    /// A retry's uploads: the killed replica's commit may still land while the retry runs (PostgreSQL had the COMMIT in its
    /// socket), so an upload refused because the task is now completed (409) is that commit, and the completion's replay
    /// under its key answers it.
    /// </summary>
    private static async Task UploadUnlessCompletedAsync(HttpClient staff, string taskId)
    {
        var task = await staff.GetJsonAsync($"/api/tasks/{taskId}");
        foreach (var key in task["evidence"]!.Items().Where(r => r["required"]!.GetValue<bool>()).Select(r => r.Str("key")))
        {
            using var response = await staff.UploadAsync(taskId, EvidenceUploads.Pdf, $"{key}.pdf", "application/pdf", key);
            if (response.StatusCode == HttpStatusCode.Conflict) return;
            Assert.True(response.IsSuccessStatusCode, $"Uploading {key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The first open task of the township's inbox, read through <paramref name="replica"/> (the other if it was killed).</summary>
    private async Task<string?> NextTaskAsync(string code, int replica)
    {
        for (var attempt = 0; ; attempt++)
        {
            var target = replica == _killedReplica || attempt > 0 ? 0 : replica;
            try
            {
                using var staff = StaffClient(code, target);
                return (await staff.GetJsonAsync("/api/inbox?limit=100")).Items().Select(t => t.Str("id")).FirstOrDefault();
            }
            catch (Exception ex) when (attempt < 3 && target != 0 && ex is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
            {
                // Killed under the request (or already gone): read it from the survivor.
            }
        }
    }

    private HttpClient StaffClient(string code, int replica)
    {
        string token;
        lock (_staffTokens) token = _staffTokens[code];
        var client = HostCluster.Bearer(_cluster.Replica(replica).CreateClient(), token);
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    private static async Task<DateTimeOffset> EarliestOpenDueAsync(ReplicaLedger ledger)
    {
        var seconds = await ledger.CountAsync("SELECT extract(epoch FROM min(due_at))::bigint FROM workflows.workflow_tasks WHERE status = 'Open' AND due_at IS NOT NULL");
        return DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(China);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>09:00 China time on <paramref name="day"/>'s date: after the digest's 08:30.</summary>
    private static DateTimeOffset ChinaMorning(DateTimeOffset day)
    {
        var local = day.ToOffset(China);
        return new DateTimeOffset(local.Year, local.Month, local.Day, 9, 0, 0, China);
    }

    private async Task AdvanceAsync(DateTimeOffset to, bool tolerateKilled = false)
    {
        var fired = await _cluster.AdvanceClockAsync(to, tolerateKilled);
        output.WriteLine($"clock to {to:yyyy-MM-dd HH:mm zzz}: timers fired by replica 0, 1: {string.Join(", ", fired)} (-1: not running or killed)");
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(condition, done => done, what, timeout ?? TimeSpan.FromSeconds(60));
}
