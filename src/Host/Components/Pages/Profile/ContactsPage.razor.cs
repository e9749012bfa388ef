using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using Shizhu.Host.Identity;
using Shizhu.Workflows.Access;

namespace Shizhu.Host.Components.Pages.Profile;

/// <summary>
/// 联系方式: a person's e-mail, mobile number, WeCom account and DingTalk user id, which the external channels send to.
/// Everyone edits their own; the county office opens anyone's by user name. The same rules as the API (ContactRules).
/// </summary>
public sealed partial class ContactsPage
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;

    private bool _isCountyAdmin;
    private bool _busy;
    private string? _userName;
    private string? _notFound;
    private Owner? _owner;
    private string? _email, _mobile, _weCom, _dingTalk;
    private Dictionary<string, string[]> _errors = [];

    protected override async Task LoadAsync(CancellationToken ct)
    {
        _isCountyAdmin = User.IsInRole(Roles.CountyAdmin);
        await LoadUserAsync(_userName ?? User.Identity?.Name ?? "");
    }

    private Task OpenAsync() => LoadUserAsync(_userName?.Trim() ?? "");

    private async Task LoadUserAsync(string userName)
    {
        // The county office may open anyone; everyone else only themselves, whatever the field says.
        if (!_isCountyAdmin) userName = User.Identity?.Name ?? "";
        using var scope = Scopes.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        _errors = [];
        if (user is null)
        {
            _notFound = $"用户 {userName} 不存在。";
            _owner = null;
            return;
        }
        _notFound = null;
        _owner = new Owner(user.UserName!, user.DisplayName);
        _userName = user.UserName;
        (_email, _mobile, _weCom, _dingTalk) = (user.Email, user.PhoneNumber, user.WeComUserId, user.DingTalkUserId);
    }

    private async Task SaveAsync()
    {
        if (_owner is not { } owner) return;
        _busy = true;
        try
        {
            using var scope = Scopes.CreateScope();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(owner.UserName);
            if (user is null || (!_isCountyAdmin && owner.UserName != User.Identity?.Name))
            {
                Snackbar.Add("用户不存在。", Severity.Warning);
                return;
            }
            _errors = await scope.ServiceProvider.GetRequiredService<UserContacts>()
                .UpdateAsync(user, new ContactRules.ContactDetails(_email, _mobile, _weCom, _dingTalk));
            if (_errors.Count == 0)
            {
                Snackbar.Add("联系方式已保存。", Severity.Success);
                (_email, _mobile, _weCom, _dingTalk) = (user.Email, user.PhoneNumber, user.WeComUserId, user.DingTalkUserId);
            }
            else
            {
                Snackbar.Add("请按提示修改后再保存。", Severity.Error);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed record Owner(string UserName, string DisplayName);

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
