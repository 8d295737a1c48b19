using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PcDarts.Core.Security;
using PcDarts.Persistence;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>
/// At start (after the migrations): the three roles exist, and when no user does, the first admin is created from
/// PcDarts:Auth:AdminEmail / AdminPassword; the embedded default without them creates admin@localhost with a generated
/// password, printed once and written to <c>admin-password</c> (mode 0600) beside the embedded cluster's folder.
/// </summary>
internal sealed class AdminBootstrap(IServiceScopeFactory scopes, IOptions<AuthOptions> options, BootstrapFolder folder, TimeProvider clock, ILogger<AdminBootstrap> logger)
    : IHostedService
{
    public const string EmbeddedAdminEmail = "admin@localhost";
    public const string PasswordFileName = "admin-password";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in PlatformRoles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole<Guid>(role)), role);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        if (await users.Users.AnyAsync(cancellationToken)) return;

        var o = options.Value;
        var (email, password, generated) = (o.AdminEmail, o.AdminPassword) switch
        {
            ({ Length: > 0 } e, { Length: > 0 } p) => (e, p, false),
            _ when folder.Path is not null => (EmbeddedAdminEmail, GeneratePassword(), true),
            _ => (null, null, false),
        };
        if (email is null || password is null)
        {
            logger.LogWarning("No user exists: set PcDarts__Auth__AdminEmail and PcDarts__Auth__AdminPassword to create the first admin");
            return;
        }
        var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password), email);
        Check(await users.AddToRoleAsync(user, PlatformRoles.Admin), email);
        if (o.AdminToken is { Length: > 0 } token) await AddBootstrapTokenAsync(scope.ServiceProvider, user, token, cancellationToken);
        if (generated) Announce(email, password);
        else logger.LogInformation("Created the first admin {Email}", email);
    }

    private async Task AddBootstrapTokenAsync(IServiceProvider services, PlatformUser user, string token, CancellationToken ct)
    {
        if (!token.StartsWith(PersonalTokens.Prefix, StringComparison.Ordinal) || token.Length < PersonalTokens.MinimumLength)
            throw new InvalidOperationException($"PcDarts:Auth:AdminToken must start with {PersonalTokens.Prefix} and be at least {PersonalTokens.MinimumLength} characters");
        var db = services.GetRequiredService<PcDartsDbContext>();
        PersonalTokens.Add(db, user.Id, "bootstrap", PlatformRoles.Admin, token, clock.GetUtcNow(), expiresInDays: null);
        await db.SaveChangesAsync(ct);
    }

    private void Announce(string email, string password)
    {
        var file = System.IO.Path.Combine(folder.Path!, PasswordFileName);
        Directory.CreateDirectory(folder.Path!);
        // Created with mode 0600 from the start, so the password is never readable by others, even for a moment.
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(file, create)) writer.WriteLine(password);
        Console.WriteLine($"PcDarts first admin: {email}  password: {password}  (also in {file}; shown once)");
    }

    private static string GeneratePassword() =>
        Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18));

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"cannot create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The embedded default's data folder (where admin-password goes); null when the API runs on a configured database.</summary>
internal sealed record BootstrapFolder(string? Path);
