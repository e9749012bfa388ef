using Microsoft.Extensions.DependencyInjection.Extensions;
using Shizhu.Host.Configuration;
using Shizhu.Host.Evidence;
using Shizhu.Workflows.Evidence;

namespace Shizhu.Host.Setup;

public static class EvidenceSetup
{
    /// <summary>Evidence files: the folder store outside the web root and the size limit the engine enforces.</summary>
    public static void AddEvidence(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EvidenceOptions.Section);
        builder.Services.Configure<EvidenceOptions>(section);
        var options = section.Get<EvidenceOptions>() ?? new EvidenceOptions();
        if (options.MaxBytes <= 0) throw new InvalidOperationException("Evidence:MaxBytes must be a positive number of bytes.");
        if (string.IsNullOrWhiteSpace(options.RootPath)) throw new InvalidOperationException("Evidence:RootPath must name a folder.");
        var root = FileSystemEvidenceStore.PrepareRoot(options.RootPath, builder.Environment);
        // Replace: the engine registers a size limit of 20 MB and a store that refuses to be used.
        builder.Services.Replace(ServiceDescriptor.Singleton(new EvidenceLimits(options.MaxBytes)));
        builder.Services.Replace(ServiceDescriptor.Singleton<IEvidenceStore>(sp =>
            new FileSystemEvidenceStore(root, sp.GetRequiredService<ILogger<FileSystemEvidenceStore>>())));
    }
}
