namespace Shizhu.Workflows.Events;

/// <summary>
/// A task outcome (<see cref="TaskCompleted.Outcome"/>) as people read it. Outcome keys are the templates' English
/// identifiers (the API's words); the built-in ones have Chinese names, shared by the UI and every notification channel so
/// they never disagree; a key an administrator invents shows as written.
/// </summary>
public static class OutcomeNames
{
    public static string Chinese(string outcome) => outcome switch
    {
        "passed" => "通过",
        "findings" => "发现问题",
        "approved" => "同意",
        "returned" => "退回",
        "failed" => "未通过",
        "rejected" => "不予通过",
        _ => outcome,
    };
}
