using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shizhu.Workflows.Access;
using Shizhu.Workflows.Runtime;
using Shizhu.Workflows.Runtime.Model;
using Shizhu.Workflows.Runtime.Subsidies;
using Shizhu.Workflows.Templates;
using Shizhu.Workflows.Tests.Infrastructure;
using Shizhu.Workflows.Tests.Infrastructure.Databases;
using Shizhu.Workflows.Journal;

namespace Shizhu.Workflows.Tests.Runtime.Subsidies;

/// <summary>
/// The subsidy ledger on a small template: the first instalment (40 %) is recorded at once with the milestone
/// "通过市级暗访", the second (60 %) after the task <c>naming</c>, with no milestone given (the stage's name stands).
/// </summary>
public abstract class SubsidyLedgerTests(EngineDatabase database) : IAsyncLifetime
{
    private static readonly Actor Finance = new("finance-zhao", new HashSet<string> { Roles.CountyFinance }, null);
    private EngineHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EngineHarness.CreateAsync(database);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static TemplateDefinition TwoInstalments() => new("municipal", "测试：补助", "municipal",
        [new StageDefinition("acceptance", "市级验收"), new StageDefinition("naming", "命名")],
        [
            new("start", ElementType.StartEvent),
            Subsidy("subsidy-1", "acceptance", 1, "通过市级暗访"),
            new("naming", ElementType.UserTask, Stage: "naming", Title: "登记获得命名", Role: Roles.CountyAdmin, Scope: TaskScope.County),
            Subsidy("subsidy-2", "naming", 2, null),
            new("end", ElementType.EndEvent),
        ],
        [new("start", "subsidy-1"), new("subsidy-1", "naming"), new("naming", "subsidy-2"), new("subsidy-2", "end")],
        new Dictionary<string, decimal> { ["subsidyTotal"] = 800_000m, ["subsidyShare1"] = 0.4m, ["subsidyShare2"] = 0.6m });

    private static ElementDefinition Subsidy(string id, string stage, int instalment, string? milestone) =>
        new(id, ElementType.ServiceTask, Stage: stage, Action: "recordSubsidy", Input: milestone is null
            ? new Dictionary<string, JsonElement> { ["instalment"] = JsonSerializer.SerializeToElement(instalment) }
            : new Dictionary<string, JsonElement>
            {
                ["instalment"] = JsonSerializer.SerializeToElement(instalment), ["milestone"] = JsonSerializer.SerializeToElement(milestone),
            });

    private async Task<WorkflowInstance> StartAsync(string townshipCode, bool named = false)
    {
        var workflow = await _harness.StartOnAsync(TwoInstalments(), 2022, townshipCode);
        if (named) await _harness.CompleteAsync(workflow.Id, "naming");
        return workflow;
    }

    private Task<SubsidyLedgerView> LedgerAsync(Actor? actor = null, string? township = null, int? year = null) =>
        _harness.InScopeAsync<SubsidyLedger, SubsidyLedgerView>(l => l.ReadAsync(actor ?? TestActors.CountyAdmin, township, year, CancellationToken.None));

    private Task<SubsidyInstalmentView> ConfirmAsync(Guid id, string? paidOn = "2022-01-05", string? voucher = "记-2022-0105", Actor? actor = null) =>
        _harness.InScopeAsync<SubsidyPaymentConfirmation, SubsidyInstalmentView>(c =>
            c.ConfirmAsync(id, new ConfirmSubsidyPayment(paidOn, voucher), actor ?? Finance, null, CancellationToken.None));

    [Fact]
    public async Task EachInstalmentCarriesItsAmountTheMilestoneThatMadeItDueAndItsDueDay()
    {
        await StartAsync(TownshipCodes.Shijia, named: true);

        var lines = (await LedgerAsync()).Instalments;

        Assert.Equal([(1, 320_000m, "通过市级暗访", new DateOnly(2022, 1, 5), false), (2, 480_000m, "命名", new DateOnly(2022, 1, 5), false)],
            lines.Select(l => (l.Instalment, l.Amount, l.Milestone, l.DueOn, l.Paid)));
        Assert.All(lines, l => Assert.Equal("石家乡", l.TownshipName));
    }

    [Fact]
    public async Task CountyFinanceConfirmsAPaymentOnceWithItsDateAndVoucherAndTheWorkflowsJournalSaysSo()
    {
        var workflow = await StartAsync(TownshipCodes.Shijia);
        var first = Assert.Single((await LedgerAsync()).Instalments);

        var paid = await ConfirmAsync(first.Id);

        Assert.Equal((new DateOnly(2022, 1, 5), "记-2022-0105", "finance-zhao"), (paid.PaidOn, paid.VoucherNumber, paid.ConfirmedBy));
        Assert.True(Assert.Single((await LedgerAsync()).Instalments).Paid);
        var again = await Assert.ThrowsAsync<WorkflowException>(() => ConfirmAsync(first.Id, voucher: "记-2022-0999"));
        Assert.Equal(WorkflowErrorKind.Conflict, again.Kind);
        Assert.Contains("不能重复确认", again.Message);
        await using var db = _harness.NewDbContext();
        var row = Assert.Single(await db.Journal.AsNoTracking().Where(j => j.WorkflowId == workflow.Id && j.Kind == JournalKind.SubsidyPaid).ToListAsync());
        Assert.Contains("记-2022-0105", row.Detail);
    }

    [Theory]
    [InlineData("2022-01-04", "记-1", "paidOn")]
    [InlineData("2022-01-06", "记-1", "paidOn")]
    [InlineData("2022/01/05", "记-1", "paidOn")]
    [InlineData("2022-01-05", " ", "voucherNumber")]
    public async Task APaymentBeforeItsDueDayInTheFutureOrWithoutAVoucherIsRefusedNamingTheField(string paidOn, string voucher, string field)
    {
        await StartAsync(TownshipCodes.Shijia);
        var first = Assert.Single((await LedgerAsync()).Instalments);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => ConfirmAsync(first.Id, paidOn, voucher));

        Assert.Equal((WorkflowErrorKind.Invalid, field), (error.Kind, error.Field));
        Assert.False(Assert.Single((await LedgerAsync()).Instalments).Paid);
    }

    [Fact]
    public async Task OnlyCountyFinanceConfirmsPayments()
    {
        await StartAsync(TownshipCodes.Shijia);
        var first = Assert.Single((await LedgerAsync()).Instalments);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => ConfirmAsync(first.Id, actor: TestActors.CountyAdmin));

        Assert.Equal(WorkflowErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task TotalsPerTownshipAndPerYearShowWhatIsDuePaidAndOutstanding()
    {
        await StartAsync(TownshipCodes.Shijia, named: true);
        await StartAsync(TownshipCodes.Jinling);
        var jinling = Assert.Single((await LedgerAsync()).Instalments, l => l.TownshipCode == TownshipCodes.Jinling);
        await ConfirmAsync(jinling.Id);

        var ledger = await LedgerAsync();

        Assert.Equal([(TownshipCodes.Shijia, 800_000m, 0m, 800_000m), (TownshipCodes.Jinling, 320_000m, 320_000m, 0m)],
            ledger.ByTownship.Select(t => (t.Key, t.Due, t.Paid, t.Outstanding)));
        Assert.Equal([("2022", 1_120_000m, 320_000m, 800_000m)], ledger.ByYear.Select(t => (t.Key, t.Due, t.Paid, t.Outstanding)));
        Assert.Equal(800_000m, ledger.Total.Outstanding);
        Assert.Empty((await LedgerAsync(year: 2023)).Instalments);
    }

    [Fact]
    public async Task ATownshipSeesOnlyItsOwnInstalmentsAndADepartmentNone()
    {
        await StartAsync(TownshipCodes.Shijia);
        await StartAsync(TownshipCodes.Jinling);

        Assert.Equal([TownshipCodes.Shijia], (await LedgerAsync(TestActors.ShijiaStaff)).Instalments.Select(l => l.TownshipCode));
        Assert.Equal(2, (await LedgerAsync(Finance)).Instalments.Count);
        foreach (var (actor, township) in new[] { (TestActors.ShijiaStaff, TownshipCodes.Jinling), (TestActors.DepartmentStaff("education"), (string?)null) })
        {
            var error = await Assert.ThrowsAsync<WorkflowException>(() => LedgerAsync(actor, township));
            Assert.Equal(WorkflowErrorKind.Forbidden, error.Kind);
        }
    }
}

[Trait("Category", "Unit")]
public sealed class SubsidyLedgerTestsOnSqlite() : SubsidyLedgerTests(EngineDatabase.Sqlite);

[Trait("Category", "Postgres")]
public sealed class SubsidyLedgerTestsOnPostgres() : SubsidyLedgerTests(EngineDatabase.Postgres);
