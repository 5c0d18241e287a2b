using ApprovalWorkflow.Procedure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace ApprovalWorkflow.Http;

/// <summary>The deadline planner: anyone may ask what the rules make of a date, without a run.</summary>
public static class DeadlinesApi
{
    public sealed record ReconsiderationAnswer(
        LocalDate InstructionsReceived, LocalDate PeriodStarts, LocalDate PeriodEnds, LocalDate CouncilMayDecideFrom,
        IReadOnlyList<LocalDate> WorkingDays, string Explanation);

    public sealed record PublicationAnswer(LocalDate Meeting, LocalDate PublishBy, IReadOnlyList<LocalDate> ClearWorkingDays, string Explanation);

    public static IResult Reconsideration(HttpContext http)
    {
        if (ReadDate(http, "instructionsReceived", out var received) is { } bad) return bad;
        var calendar = http.RequestServices.GetRequiredService<WorkflowSettings>().Calendar;
        var period = ReconsiderationPeriod.StartingAfter(received, calendar);
        return TypedResults.Json(new ReconsiderationAnswer(
            received, period.FirstDay, period.LastDay, period.CouncilMayDecideFrom, period.WorkingDays,
            $"Instructions received on {InWords(received)}: the Executive's period of at least five working days begins the day after " +
            $"and ends at the end of {InWords(period.LastDay)}; Council may decide from {InWords(period.CouncilMayDecideFrom)}."),
            ProcedureJson.Options);
    }

    public static IResult Publication(HttpContext http)
    {
        if (ReadDate(http, "meeting", out var meeting) is { } bad) return bad;
        var calendar = http.RequestServices.GetRequiredService<WorkflowSettings>().Calendar;
        var deadline = PublicationDeadline.For(meeting, calendar);
        var clear = new List<LocalDate>();
        for (var day = deadline.PublishBy.PlusDays(1); day < meeting; day = day.PlusDays(1))
        {
            if (calendar.IsWorkingDay(day)) clear.Add(day);
        }

        return TypedResults.Json(new PublicationAnswer(meeting, deadline.PublishBy, clear,
            $"For a meeting on {InWords(meeting)}, publish the papers by {InWords(deadline.PublishBy)}: five clear working days, " +
            "counting neither the day of publication nor the day of the meeting."), ProcedureJson.Options);
    }

    static IResult? ReadDate(HttpContext http, string name, out LocalDate date)
    {
        date = default;
        string? text = http.Request.Query[name].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.Malformed($"Give the date as the query parameter {name}=yyyy-MM-dd, e.g. ?{name}=2012-06-18.");
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (!parsed.Success)
        {
            return Problems.Malformed($"{name}='{text}' is not a date: write it as yyyy-MM-dd, e.g. 2012-06-18.");
        }

        if (parsed.Value.Year is < 1995 or > 2099)
        {
            return Problems.Malformed($"{name}='{text}' is outside the years the working-day calendar covers (1995 to 2099).");
        }

        date = parsed.Value;
        return null;
    }

    static string InWords(LocalDate date) => LocalDatePattern.Create("d MMMM uuuu", System.Globalization.CultureInfo.InvariantCulture).Format(date);
}
