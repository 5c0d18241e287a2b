using ApprovalWorkflow.Bodies;
using ApprovalWorkflow.Procedure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWorkflow.Http;

/// <summary>Democratic Services registers the council's bodies and their members; anyone with a role reads them.</summary>
public static class BodiesApi
{
    public static async Task<IResult> RegisterBody(HttpContext http)
    {
        var (_, refused) = ApiRequests.Require(http, "register a body and its members", Role.DemocraticServices);
        if (refused is not null) return refused;
        var (body, bad) = await ApiRequests.ReadJsonAsync<RegisterBodyRequest>(http);
        if (bad is not null) return bad;

        var errors = new FieldErrors();
        errors.Require(body!.Id is { } id && ApiRequests.SafeId().IsMatch(id), "id",
            "Give the body an id of lower-case letters, digits and '-', e.g. \"full-council\" (the stage templates use csp, csp-executive, overview-and-scrutiny, cabinet, full-council).");
        errors.Require(!string.IsNullOrWhiteSpace(body.Name), "name", "Give the body's name, e.g. \"Full Council\".");
        errors.Require(body.Members is { Count: > 0 }, "members", "List the body's members, each with id, name and email.");
        foreach (var (member, i) in (body.Members ?? []).Select((m, i) => (m, i)))
        {
            errors.Require(!string.IsNullOrWhiteSpace(member?.Id) && !string.IsNullOrWhiteSpace(member.Name), $"members[{i}]", "Every member needs an id and a name.");
            errors.Require(member?.Email is { } email && email.Contains('@') && email.Trim() == email, $"members[{i}].email", $"Member {member?.Id}: give a valid email address.");
        }

        foreach (var duplicate in (body.Members ?? []).Where(m => m?.Id is not null).GroupBy(m => m.Id).Where(g => g.Count() > 1))
        {
            errors.Require(false, "members", $"Member id '{duplicate.Key}' is listed {duplicate.Count()} times.");
        }

        errors.Require(body.Quorum is null || (body.Quorum.Numerator >= 0 && body.Quorum.Denominator > 0 && body.Quorum.Numerator <= body.Quorum.Denominator),
            "quorum", "A quorum is a fraction of the whole number of members, e.g. {\"numerator\": 1, \"denominator\": 4} for one quarter.");
        if (errors.Any) return errors.Problem();

        var quorum = body.Quorum is { } q ? new Quorum(q.Numerator, q.Denominator) : Quorum.OneQuarter;
        var registered = new Body(body.Id!, body.Name!.Trim(), body.Members!, quorum);
        await http.RequestServices.GetRequiredService<BodyRegister>().SaveAsync(registered, http.RequestAborted);
        return TypedResults.Json(registered, ProcedureJson.Options);
    }

    public static async Task<IResult> ListBodies(HttpContext http)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "list bodies");
        if (refused is not null) return refused;
        var bodies = await http.RequestServices.GetRequiredService<BodyRegister>().AllAsync(http.RequestAborted);
        return TypedResults.Json(new { bodies = bodies.Values.OrderBy(b => b.Id) }, ProcedureJson.Options);
    }

    public static async Task<IResult> GetBody(HttpContext http, string bodyId)
    {
        var (_, refused) = ApiRequests.RequireReader(http, "read a body");
        if (refused is not null) return refused;
        var body = await http.RequestServices.GetRequiredService<BodyRegister>().FindAsync(bodyId, http.RequestAborted);
        return body is null
            ? Problems.NotFound("body", $"There is no body '{bodyId}'. Register it with POST /api/bodies.")
            : TypedResults.Json(body, ProcedureJson.Options);
    }
}
