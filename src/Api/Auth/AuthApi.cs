using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>REST sign-in: an email and a password for a short-lived bearer access token; and who am I.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", Login).WithName(nameof(Login)).AllowAnonymous().RequireRateLimiting(AbuseLimits.LoginPolicy)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/me", Me).WithName(nameof(Me));
        return api;
    }

    /// <summary>Answers <c>{"tokenType":"Bearer","accessToken","expiresIn"}</c>; send it as <c>Authorization: Bearer</c>.</summary>
    internal static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, PasswordLogin login, SignInManager<PlatformUser> signIn)
    {
        var outcome = await login.CheckAsync(request.Email, request.Password, http);
        if (outcome.User is null)
            return TypedResults.Problem(outcome.Error, title: "Sign-in refused", statusCode: StatusCodes.Status401Unauthorized);
        var principal = await signIn.CreateUserPrincipalAsync(outcome.User);
        return TypedResults.SignIn(principal, authenticationScheme: AuthSchemes.AccessToken);
    }

    public static Ok<MeDto> Me(ClaimsPrincipal user, HttpContext http) =>
        TypedResults.Ok(new MeDto(user.UserId() ?? Guid.Empty, user.Email(), user.Role(), Via(http)));

    private static string Via(HttpContext http) => AuthSchemes.Select(http) switch
    {
        AuthSchemes.PersonalToken => "personal token",
        var scheme when scheme == AuthSchemes.AccessToken => "access token",
        _ => "cookie",
    };
}
