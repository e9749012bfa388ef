namespace Shizhu.Notifications.Email;

/// <summary>The SMTP server the county office sends through; bound from <c>Notifications:Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    /// <summary>Off by default: a fresh install has no mail server, and must not fail because of it.</summary>
    public bool Enabled { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@shizhu.local";
    public string FromName { get; set; } = "石柱县爱卫办";

    /// <summary>How long one SMTP command may take before the attempt counts as failed and is retried.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
