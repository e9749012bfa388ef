namespace Shizhu.Workflows.Templates;

public enum TemplateStatus
{
    Draft,
    Published,
    Retired,
}
