using System.Diagnostics;

namespace Shizhu.Host.Tests.Cockpit;

/// <summary>
/// Renders a PDF's first page to PNG with pdftoppm (Debian's poppler-utils, installed by tests/scripts/ensure-services.sh)
/// and keeps the image in <c>SHIZHU_TEST_SCREENSHOTS</c> when set, so a person can look at it.
/// </summary>
internal static class RenderedPdf
{
    public static async Task<byte[]> FirstPageAsync(byte[] pdf, string name)
    {
        var folder = Directory.CreateTempSubdirectory("shizhu-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "in.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", input, Path.Combine(folder.FullName, "page")])
            {
                RedirectStandardError = true,
            })!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftoppm failed: {errors}");
            var png = await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "page.png"));
            if (Environment.GetEnvironmentVariable("SHIZHU_TEST_SCREENSHOTS") is { Length: > 0 } shots)
            {
                Directory.CreateDirectory(shots);
                await File.WriteAllBytesAsync(Path.Combine(shots, name + ".png"), png);
            }
            return png;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
