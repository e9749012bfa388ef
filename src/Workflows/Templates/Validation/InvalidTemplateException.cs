namespace Shizhu.Workflows.Templates.Validation;

/// <summary>A template was refused (saving a draft, publishing) for the <see cref="Problems"/> it lists, each located.</summary>
public sealed class InvalidTemplateException(IReadOnlyList<TemplateProblem> problems)
    : Exception($"模板有 {problems.Count} 个问题，请逐一修改后再提交。")
{
    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}
