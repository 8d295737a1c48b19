using Microsoft.EntityFrameworkCore;
using PcDarts.Core.Security;
using PcDarts.Persistence;

namespace PcDarts.Api.Auth;

/// <summary>Marks a non-GET endpoint that changes nothing (it only computes from its input): viewers may call it.</summary>
public sealed class ComputesOnlyAttribute : Attribute;

/// <summary>Role rules applied to whole endpoint groups, so that a route added later is covered without a line of its own.</summary>
public static class ExperimentOwnership
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Every endpoint of the group that is not a read (GET, HEAD, or <see cref="ComputesOnlyAttribute"/>) needs a member or an admin.</summary>
    public static RouteGroupBuilder RequireMemberToChange(this RouteGroupBuilder group)
    {
        // Finally: after each endpoint's own conventions, so its ComputesOnly mark is seen.
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (IsChange(endpoint)) endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(PlatformRoles.Member));
        });
        return group;
    }

    private static bool IsChange(EndpointBuilder endpoint)
    {
        var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
        var reads = methods.Count > 0 && methods.All(m => ReadMethods.Contains(m, StringComparer.OrdinalIgnoreCase));
        return !reads && !endpoint.Metadata.OfType<ComputesOnlyAttribute>().Any();
    }

    /// <summary>
    /// On top of <see cref="RequireMemberToChange"/>: a change to one experiment ({id}) needs its creator or an admin, and
    /// each user's changes are rate-limited.
    /// </summary>
    public static RouteGroupBuilder RequireOwnerToChange(this RouteGroupBuilder group)
    {
        ((IEndpointConventionBuilder)group.RequireMemberToChange()).Finally(endpoint =>
        {
            if (IsChange(endpoint)) endpoint.Metadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(AbuseLimits.ChangesPolicy));
        });
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ||
                !Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var id))
                return await next(context);
            var db = http.RequestServices.GetRequiredService<PcDartsDbContext>();
            var owner = await db.Experiments.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.CreatedBy }).SingleOrDefaultAsync(http.RequestAborted);
            if (owner is null || ExperimentRights.MayChange(http.User, owner.CreatedBy)) return await next(context);
            return TypedResults.Problem(new ExperimentAccessDeniedException(id, owner.CreatedBy).Message, title: "Not yours", statusCode: StatusCodes.Status403Forbidden);
        });
        return group;
    }
}
