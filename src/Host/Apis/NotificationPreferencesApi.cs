using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shizhu.Host.Errors;
using Shizhu.Host.Identity;
using Shizhu.Notifications.Preferences;

namespace Shizhu.Host.Apis;

/// <summary>
/// The signed-in person's channels per kind of message (通知设置), within what the county office allows. Each person
/// sees and changes only their own; in-app notifications cannot be switched off.
/// </summary>
public static class NotificationPreferencesApi
{
    public const int MaxChanges = 200;

    public static IEndpointRouteBuilder MapNotificationPreferencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/me/notification-preferences").WithTags("Notifications");
        api.MapGet("/", GetAsync);
        api.MapPut("/", PutAsync);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<KindPreferenceView>>> GetAsync(ClaimsPrincipal user, PreferenceStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(user.ToActor().UserName, ct));

    /// <summary>Saves the listed choices (others stay as they were); one refused change saves none: 400 naming <c>[i].kind</c> or <c>[i].channel</c>.</summary>
    public static async Task<Results<Ok<IReadOnlyList<KindPreferenceView>>, ValidationProblem>> PutAsync(
        PreferenceChange[]? changes, ClaimsPrincipal user, PreferenceStore store, CancellationToken ct)
    {
        if (changes is null || changes.Length == 0)
            return Problems.Invalid(new Dictionary<string, string[]> { ["changes"] = ["没有要保存的设置。"] });
        if (changes.Length > MaxChanges)
            return Problems.Invalid(new Dictionary<string, string[]> { ["changes"] = [$"一次最多保存{MaxChanges}项设置。"] });
        // JSON may leave a record's fields null whatever their declared type.
        var incomplete = Array.FindIndex(changes, c => c is null || c.Kind is null || c.Channel is null);
        if (incomplete >= 0)
            return Problems.Invalid(new Dictionary<string, string[]> { [$"[{incomplete}]"] = ["每项设置都需要 kind 和 channel。"] });

        var userName = user.ToActor().UserName;
        var errors = await store.SetAsync(userName, changes, ct);
        if (errors.Count > 0)
            return Problems.Invalid(errors.ToDictionary(e => e.Key, e => e.Value));
        return TypedResults.Ok(await store.GetAsync(userName, ct));
    }
}
