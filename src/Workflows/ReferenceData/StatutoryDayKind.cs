namespace Shizhu.Workflows.ReferenceData;

public enum StatutoryDayKind
{
    Holiday,
    MakeupWorkday,
}
