using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Shizhu.Host.Configuration;

namespace Shizhu.Host.Identity;

/// <summary>Issues the API's bearer tokens. Lifetimes run on real time, never on the simulated clock.</summary>
public sealed class TokenService(IOptions<AuthOptions> options)
{
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    public static SymmetricSecurityKey SigningKey(AuthOptions auth) =>
        new(Encoding.UTF8.GetBytes(auth.SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured.")));

    public (string Token, int ExpiresIn) Issue(AppUser user, IEnumerable<string> roles)
    {
        var auth = options.Value;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new(NameClaim, user.UserName!),
            new(ShizhuClaims.DisplayName, user.DisplayName),
            // Checked against the user store on each request, so sign-out and disabling revoke the token (ADR 0022).
            new(BearerTokenCheck.StampClaim, BearerTokenCheck.Fingerprint(user.SecurityStamp)),
        };
        claims.AddRange(roles.Select(r => new Claim(RoleClaim, r)));
        if (user.TownshipCode is not null) claims.Add(new Claim(ShizhuClaims.TownshipCode, user.TownshipCode));
        if (user.DepartmentCode is not null) claims.Add(new Claim(ShizhuClaims.DepartmentCode, user.DepartmentCode));
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(auth.TokenLifetime),
            SigningCredentials = new SigningCredentials(SigningKey(auth), SecurityAlgorithms.HmacSha256),
        };
        var handler = new JwtSecurityTokenHandler();
        return (handler.WriteToken(handler.CreateToken(descriptor)), (int)auth.TokenLifetime.TotalSeconds);
    }
}
