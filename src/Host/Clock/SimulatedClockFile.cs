using System.Globalization;

namespace Shizhu.Host.Clock;

/// <summary>
/// Keeps the demo's simulated time across restarts (<c>Clock:StateFile</c>): without it a restarted demo would
/// fall back to <c>Clock:Start</c> while its data already lives months later.
/// </summary>
public sealed class SimulatedClockFile(string path)
{
    /// <summary>
    /// The later of <paramref name="start"/> and the time saved by the last run. A saved time outside
    /// <see cref="SimulatedClockRange"/> (written before the range was enforced, or by hand) is ignored like an
    /// unreadable one: resuming it would fail every request, and every restart, again.
    /// </summary>
    public DateTimeOffset Resume(DateTimeOffset start)
    {
        if (!File.Exists(path)) return start;
        var text = File.ReadAllText(path).Trim();
        // An unreadable file (hand-edited, half-written by an older version) only costs the demo its saved time.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var saved) && saved > start && SimulatedClockRange.Contains(saved)
            ? saved
            : start;
    }

    public void Save(DateTimeOffset now)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, now.ToString("O", CultureInfo.InvariantCulture));
        File.Move(temporary, path, overwrite: true);
    }
}
