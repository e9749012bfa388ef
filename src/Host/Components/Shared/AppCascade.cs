namespace Shizhu.Host.Components.Shared;

/// <summary>Names of the values the layout cascades to pages.</summary>
public static class AppCascade
{
    public const string ClockVersion = "ClockVersion";
}
