using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using PcDarts.Core.Contracts;
using PcDarts.Persistence.Identity;

namespace PcDarts.Api.Auth;

/// <summary>
/// REST sign-in: an email and a password for a short-lived bearer access token and a one-use refresh token
/// (<see cref="RefreshTokens"/>); a refresh token for the next pair; and who am I.
/// </summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", Login).WithName(nameof(Login)).AllowAnonymous().RequireRateLimiting(AbuseLimits.LoginPolicy)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/refresh", Refresh).WithName(nameof(Refresh)).AllowAnonymous().RequireRateLimiting(AbuseLimits.LoginPolicy)
            .Produces<AccessTokenResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/me", Me).WithName(nameof(Me));
        return api;
    }

    /// <summary>
    /// Answers <c>{"tokenType":"Bearer","accessToken","expiresIn","refreshToken"}</c>; send the access token as
    /// <c>Authorization: Bearer</c>, and the refresh token to /api/auth/refresh before it runs out.
    /// </summary>
    internal static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, PasswordLogin login, RefreshTokens refresh)
    {
        var outcome = await login.CheckAsync(request.Email, request.Password, http);
        if (outcome.User is null)
            return TypedResults.Problem(outcome.Error, title: "Sign-in refused", statusCode: StatusCodes.Status401Unauthorized);
        return TypedResults.SignIn(await refresh.StartAsync(outcome.User, http.RequestAborted), authenticationScheme: AuthSchemes.AccessToken);
    }

    /// <summary>A new access token and refresh token for a refresh token, which is used up; the same answer as sign-in.</summary>
    internal static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, HttpContext http, RefreshTokens refresh)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["required: the refreshToken of the last sign-in or refresh answer"] });
        var outcome = await refresh.RefreshAsync(request.RefreshToken, http);
        if (outcome.Principal is null)
            return TypedResults.Problem(outcome.Error, title: "Refresh refused", statusCode: StatusCodes.Status401Unauthorized);
        return TypedResults.SignIn(outcome.Principal, authenticationScheme: AuthSchemes.AccessToken);
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
