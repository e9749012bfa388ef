using Shizhu.Workflows.Runtime;

namespace Shizhu.Workflows.Targets;

/// <summary>
/// A title a unit holds, wherever it comes from: <c>recorded</c> by the county office (with its id, editable and
/// revocable) or derived from a <c>workflow</c> whose naming was registered (read-only: the workflow is its record).
/// </summary>
public sealed record TitleView(
    Guid? Id, string TownshipCode, string TownshipName, string Title, int Year, string? DocumentNumber, string Source,
    Guid? WorkflowId, string? RecordedBy, DateTimeOffset? RecordedAt, DateTimeOffset? RevokedAt, string? RevocationReason)
{
    public const string RecordedSource = "recorded";
    public const string WorkflowSource = "workflow";

    public string TitleName => Tracks.DisplayName(Title);

    public string SourceName => Source == WorkflowSource ? "创建工作流命名" : "县爱卫办登记";

    public bool Revoked => RevokedAt is not null;
}
