using ApprovalWorkflow.Procedure;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace ApprovalWorkflow;

/// <summary>
/// The settings every host shares, read and checked once at start: a missing or malformed value stops
/// the app with a message naming the setting and what it should look like.
/// </summary>
public sealed class WorkflowSettings
{
    public required DateTimeZone TimeZone { get; init; }
    public required WorkingDayCalendar Calendar { get; init; }
    /// <summary>How long an HTTP call waits for its command's outcome before answering 202 with a Location.</summary>
    public required TimeSpan CommandWait { get; init; }

    public LocalDate Today(DateTime utcNow) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)).InZone(TimeZone).Date;

    /// <summary>The instant a London calendar day begins, as the engine's UTC time.</summary>
    public DateTime StartOfDayUtc(LocalDate date) => date.AtStartOfDayInZone(TimeZone).ToDateTimeUtc();

    public static WorkflowSettings From(IConfiguration configuration)
    {
        string zoneId = configuration["TimeZone"] is { Length: > 0 } z ? z : "Europe/London";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new InvalidOperationException($"Setting TimeZone is '{zoneId}': it must be an IANA time zone id such as Europe/London.");

        var extra = new List<BankHoliday>();
        foreach (var holiday in configuration.GetSection("Calendar:ExtraHolidays").GetChildren())
        {
            // Each entry: "2027-06-07": "Name of the proclaimed day" (or an array of "yyyy-MM-dd Name").
            string key = holiday.Key, value = holiday.Value ?? "";
            string dateText = LocalDatePattern.Iso.Parse(key).Success ? key : value.Split(' ', 2)[0];
            string name = dateText == key ? value : (value.Split(' ', 2) is [_, var n] ? n : "Extra holiday");
            var parsed = LocalDatePattern.Iso.Parse(dateText);
            if (!parsed.Success)
            {
                throw new InvalidOperationException(
                    $"Setting Calendar:ExtraHolidays:{key} is '{value}': each extra holiday needs an ISO date (yyyy-MM-dd) and a name, e.g. \"Calendar__ExtraHolidays__2027-06-07\"=\"Proclaimed holiday\".");
            }

            extra.Add(new BankHoliday(parsed.Value, string.IsNullOrWhiteSpace(name) ? "Extra holiday" : name));
        }

        double wait = SettingValues.Seconds(configuration.GetSection("Http"), "CommandWaitSeconds", fallback: 5, min: 0, max: 120);

        return new WorkflowSettings
        {
            TimeZone = zone,
            Calendar = WorkingDayCalendar.EnglandAndWales.WithExtraHolidays(extra),
            CommandWait = TimeSpan.FromSeconds(wait),
        };
    }
}
