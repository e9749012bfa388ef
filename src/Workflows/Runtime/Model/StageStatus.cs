namespace Shizhu.Workflows.Runtime.Model;

public enum StageStatus
{
    Pending,
    Active,
    Completed,
}
