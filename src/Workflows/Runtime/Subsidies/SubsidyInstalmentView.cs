namespace Shizhu.Workflows.Runtime.Subsidies;

/// <summary>One line of the subsidy ledger (补助台账): an instalment, what made it due, and whether the county finance paid it.</summary>
public sealed record SubsidyInstalmentView(
    Guid Id, Guid WorkflowId, string TownshipCode, string TownshipName, string Track, int Instalment, decimal Amount,
    string Milestone, DateOnly DueOn, DateOnly? PaidOn, string? VoucherNumber, string? ConfirmedBy, DateTimeOffset? ConfirmedAt)
{
    public bool Paid => PaidOn is not null;
}

/// <summary>Due, paid and outstanding amounts of one township or one year.</summary>
public sealed record SubsidyTotals(string Key, string Name, decimal Due, decimal Paid)
{
    public decimal Outstanding => Due - Paid;
}

/// <summary>The ledger a caller may see, with its totals per township and per year (the year an instalment fell due).</summary>
public sealed record SubsidyLedgerView(
    IReadOnlyList<SubsidyInstalmentView> Instalments, IReadOnlyList<SubsidyTotals> ByTownship, IReadOnlyList<SubsidyTotals> ByYear,
    SubsidyTotals Total);
