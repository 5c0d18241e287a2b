using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalWorkflow.LocalHost.SendGridStandIn;
using ApprovalWorkflow.Notifications;
using ApprovalWorkflow.Procedure;
using Ical.Net;
using NodaTime;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ApprovalWorkflow.SystemTests;

/// <summary>The LocalHost with the mailboxes set, and retries quick enough for a test.</summary>
public sealed class NotificationFixture : SystemFixture
{
    public const string DemocraticServicesMailbox = "democratic.services@towerhamlets.example.gov.uk";
    public const string ExecutiveMailbox = "mayors.office@towerhamlets.example.gov.uk";

    protected override void Configure(IDictionary<string, string> settings)
    {
        settings["Notifications__DemocraticServicesEmail"] = DemocraticServicesMailbox;
        settings["Notifications__ExecutiveEmail"] = ExecutiveMailbox;
        settings["Notifications__FirstRetrySeconds"] = "0.2";
        settings["SendGrid__FromEmail"] = "democratic.services@towerhamlets.example.gov.uk";
        settings["SendGrid__FromName"] = "Tower Hamlets Democratic Services";
    }
}

[CollectionDefinition(nameof(NotificationCollection))]
public sealed class NotificationCollection : ICollectionFixture<NotificationFixture>;

/// <summary>
/// Every member hears of every date that concerns them: emails planned from the run's record, each delivered
/// by its own orchestration through the real SendGrid client to the LocalHost's SendGrid stand-in, retried
/// on 5xx, given up on 4xx, recorded on the run's timeline, never sent twice, never blocking the run.
/// </summary>
[Collection(nameof(NotificationCollection))]
public sealed class NotificationTests(NotificationFixture system, ITestOutputHelper output) : IAsyncLifetime
{
    readonly HttpClient ds = system.Client(Keys.DemocraticServices);
    readonly HttpClient clerk = system.Client(Keys.Clerk);
    readonly HttpClient executive = system.Client(Keys.Executive);
    readonly HttpClient member = system.Client(Keys.Member);
    readonly HttpClient standIn = system.Client();

    public Task InitializeAsync() => Council.RegisterTowerHamlets(ds);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Seed_000_the_referral_email_names_25_June_and_11_July_2012_and_every_email_of_the_run_is_on_its_timeline()
    {
        string runId = await Seed000ToCouncil(councilOn11JulyBeforeReferral: true);
        await ReferBack(runId);
        await executive.Post($"api/runs/{runId}/executive-response", new
        {
            respondedOn = "2012-07-04",
            responses = new[] { new { amendmentNumber = 1, response = new { type = "not-accepted", reasons = Seeds.Seed000Reasons() } } },
            revisedDraftNote = "The draft plan is resubmitted unchanged, with the reasons for disagreeing with the amendment.",
        }).Ok();
        await clerk.Post($"api/runs/{runId}/meetings/council-2012-07-11/insist-votes", new { amendmentNumber = 1, vote = Council.Counts(60, 39, 21) }).Ok();
        var adopted = await clerk.Post($"api/runs/{runId}/meetings/council-2012-07-11/final-decision", new { vote = Council.Counts(60, 41, 19) }).Ok();
        Assert.Equal("Adopted", adopted["status"]!.GetValue<string>());

        // 5 meetings (each: members, Democratic Services' deadline, its reminder), the referral and its reminder,
        // Council's final meeting to every councillor (at the referral, and again with the Executive's response), the outcome.
        var deliveries = await WaitForDeliveries(runId, d => d.Count >= 20 && d.Any(x => Kind(x) == EmailKinds.Outcome));

        var referral = deliveries.Single(d => Kind(d) == EmailKinds.Referral);
        Assert.Equal(DeliveryOutcomes.Sent, Outcome(referral));
        Assert.Contains(NotificationFixture.ExecutiveMailbox, To(referral));
        Assert.Contains("cabinet-01@members.example.gov.uk", To(referral));
        Assert.Equal(11, To(referral).Count);
        var mail = await MessageFor(referral);
        string text = mail["text"]!.GetValue<string>();
        output.WriteLine(text);
        Assert.Contains("The period ends: at the end of Monday 25 June 2012", text);
        Assert.Contains("Council's next meeting: Wednesday 11 July 2012 at 19:00", text);
        Assert.Contains("Amendment 1, moved by Councillor Abdal Ullah and seconded by Councillor Judith Gardiner", text);
        Assert.Contains("What you need to do: By the end of Monday 25 June 2012, respond to each amendment", text);
        Assert.Contains("25 June 2012", mail["html"]!.GetValue<string>());
        Assert.Equal(11, mail["personalizations"]!.GetValue<int>());

        // The .ics reads back: the period's last day all day, Council's meeting at 19:00 London time, with the zone.
        var attachment = mail["attachments"]![0]!;
        Assert.Equal("text/calendar; charset=utf-8; method=PUBLISH", attachment["type"]!.GetValue<string>());
        var calendar = Calendar.Load(attachment["text"]!.GetValue<string>())!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("Europe/London", Assert.Single(calendar.TimeZones).TzId);
        var periodEnd = calendar.Events.Single(e => e.Uid == $"{runId}-period-end-2012-06-25@approvalworkflow");
        Assert.True(periodEnd.IsAllDay);
        Assert.Equal(new DateOnly(2012, 6, 25), periodEnd.DtStart!.Date);
        var council = calendar.Events.Single(e => e.Uid == $"{runId}-meeting-council-2012-07-11@approvalworkflow");
        Assert.False(council.IsAllDay);
        Assert.Equal("Europe/London", council.DtStart!.TzId);
        Assert.Equal(new DateTime(2012, 7, 11, 18, 0, 0, DateTimeKind.Utc), council.DtStart.AsUtc);
        Assert.Equal(new DateTime(2012, 7, 11, 20, 0, 0, DateTimeKind.Utc), council.DtEnd!.AsUtc);
        Assert.Equal(referral["causedBySequence"]!.GetValue<long>(), council.Sequence);

        // Reminders whose moment passed in 2012 are recorded skipped, and never reach SendGrid.
        var reminders = deliveries.Where(d => Kind(d) is EmailKinds.PapersReminder or EmailKinds.PeriodEndReminder).ToList();
        Assert.Equal(6, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(DeliveryOutcomes.Skipped, Outcome(r)));
        Assert.All(reminders, r => Assert.Contains("had passed", r["error"]!.GetValue<string>()));
        Assert.Empty((await Messages($"runId={runId}&kind={EmailKinds.PapersReminder}")).AsArray());

        // Councillors get the Executive's reasons and revised draft with Council's final meeting.
        var final = deliveries.Where(d => Kind(d) == EmailKinds.ReconsiderationMeeting).OrderBy(d => d["causedBySequence"]!.GetValue<long>()).Last();
        string finalText = (await MessageFor(final))["text"]!.GetValue<string>();
        Assert.Contains("not accepted by the Executive. Reasons: 10.1 The comments of the Corporate Director", finalText);
        Assert.Contains("The draft plan is resubmitted unchanged", finalText);
        Assert.Contains("at least two thirds of the members present and voting", finalText);
        Assert.Equal(62, To(final).Count);

        var outcome = deliveries.Single(d => Kind(d) == EmailKinds.Outcome);
        Assert.Equal(100, To(outcome).Count);
        Assert.Contains("Council's vote: 41 for, 19 against", (await MessageFor(outcome))["text"]!.GetValue<string>());
        Assert.All(deliveries.Where(d => !Kind(d).EndsWith("reminder")), d => Assert.Equal(DeliveryOutcomes.Sent, Outcome(d)));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d["emailId"]!.GetValue<string>()).Distinct().Count());

        output.WriteLine($"Seed 000 ({runId}): {deliveries.Count} emails");
        foreach (var d in deliveries.OrderBy(d => d["causedBySequence"]!.GetValue<long>()).ThenBy(d => d["emailId"]!.GetValue<string>()))
        {
            var to = To(d);
            string who = to.Count <= 3 ? string.Join(", ", to) : $"{to.Count} addresses ({string.Join(", ", to.Take(2))}, ...)";
            output.WriteLine($"  #{d["causedBySequence"]} {Kind(d),-24} {Outcome(d),-7} to {who}: {d["subject"]}");
        }
    }

    [Fact]
    public async Task SendGrid_answering_500_twice_then_202_gives_one_email_recorded_sent_on_the_third_attempt()
    {
        var (runId, address) = await SmallRun("f500");
        await Faults(new { statuses = new[] { 500, 500 }, to = address });
        await ScheduleCabinet(runId, "2012-06-06");

        var delivery = (await WaitForDeliveries(runId, d => d.Any(x => Id(x) == $"email-{runId}-2-0"))).Single(d => Id(d) == $"email-{runId}-2-0");
        Assert.Equal(DeliveryOutcomes.Sent, Outcome(delivery));
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(202, delivery["httpStatus"]!.GetValue<int>());
        string messageId = delivery["messageId"]!.GetValue<string>();
        Assert.Equal(22, messageId.Length);

        Assert.Equal([500, 500, 202], (await Requests(Id(delivery))).Select(r => r!["status"]!.GetValue<int>()));
        var captured = (await Messages($"runId={runId}&kind={EmailKinds.Meeting}")).AsArray();
        Assert.Equal(messageId, Assert.Single(captured)!["messageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendGrid_answering_400_is_recorded_failed_at_once_and_the_run_moves_on()
    {
        var (runId, address) = await SmallRun("f400");
        await Faults(new { statuses = new[] { 400 }, to = address });
        await ScheduleCabinet(runId, "2012-06-06");

        var deliveries = await WaitForDeliveries(runId, d => d.Any(x => Id(x) == $"email-{runId}-2-0") && d.Any(x => Id(x) == $"email-{runId}-2-1"));
        var failed = deliveries.Single(d => Id(d) == $"email-{runId}-2-0");
        Assert.Equal(DeliveryOutcomes.Failed, Outcome(failed));
        Assert.Equal(400, failed["httpStatus"]!.GetValue<int>());
        Assert.Equal(1, failed["attempts"]!.GetValue<int>());
        Assert.Contains("\"errors\"", failed["error"]!.GetValue<string>());
        Assert.Equal(DeliveryOutcomes.Sent, Outcome(deliveries.Single(d => Id(d) == $"email-{runId}-2-1")));

        // The run takes its next command at once.
        await ds.UploadDraftPlan(runId);
        var recommended = await clerk.Post($"api/runs/{runId}/meetings/cabinet-2012-06-06/cabinet-decision", new { decision = "Recommend" }).Ok();
        Assert.Equal("full-council", recommended["currentStage"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendGrid_answering_503_every_time_is_given_up_after_five_attempts_and_recorded_failed()
    {
        var (runId, address) = await SmallRun("f503");
        await Faults(new { statuses = Enumerable.Repeat(503, 5), to = address });
        await ScheduleCabinet(runId, "2012-06-06");

        var failed = (await WaitForDeliveries(runId, d => d.Any(x => Id(x) == $"email-{runId}-2-0"))).Single(d => Id(d) == $"email-{runId}-2-0");
        Assert.Equal(DeliveryOutcomes.Failed, Outcome(failed));
        Assert.Equal(5, failed["attempts"]!.GetValue<int>());
        Assert.Equal(503, failed["httpStatus"]!.GetValue<int>());
        Assert.StartsWith("Gave up after 5 attempts.", failed["error"]!.GetValue<string>());
        Assert.Equal(5, (await Requests(Id(failed))).Count);
    }

    [Fact]
    public async Task The_same_command_sent_twice_with_one_Idempotency_Key_sends_its_emails_once()
    {
        var (runId, _) = await SmallRun("idem");
        string key = Guid.NewGuid().ToString();
        var body = new { meetingId = "cabinet-2012-06-06", stageId = "cabinet", date = "2012-06-06" };
        var answers = await Task.WhenAll(ds.Post($"api/runs/{runId}/meetings", body, key), ds.Post($"api/runs/{runId}/meetings", body, key));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var again = await ds.Post($"api/runs/{runId}/meetings", body, key).Ok();
        Assert.Equal(2, again["lastSequence"]!.GetValue<long>());

        await WaitForDeliveries(runId, d => d.Count == 3);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var deliveries = await Deliveries(runId);
        Assert.Equal([$"email-{runId}-2-0", $"email-{runId}-2-1", $"email-{runId}-2-2"], deliveries.Select(Id).Order());
        Assert.Single(await Requests($"email-{runId}-2-0"));
        Assert.Single(await Requests($"email-{runId}-2-1"));
        Assert.Empty(await Requests($"email-{runId}-2-2"));
        Assert.Equal(2, (await Messages($"runId={runId}")).AsArray().Count);
    }

    [Fact]
    public async Task A_reminder_whose_moment_passed_in_2012_is_recorded_skipped_and_not_sent()
    {
        var (runId, _) = await SmallRun("skip");
        await ScheduleCabinet(runId, "2012-06-06");
        var reminder = (await WaitForDeliveries(runId, d => d.Any(x => Id(x) == $"email-{runId}-2-2"))).Single(d => Id(d) == $"email-{runId}-2-2");
        Assert.Equal(EmailKinds.PapersReminder, Kind(reminder));
        Assert.Equal(DeliveryOutcomes.Skipped, Outcome(reminder));
        Assert.Equal(0, reminder["attempts"]!.GetValue<int>());
        // Cabinet on 6 June 2012 needs its papers by Friday 25 May 2012 (the jubilee holidays, 4 and 5 June, are not
        // working days); two working days before that is Wednesday 23 May 2012, 09:00 BST.
        Assert.Equal(new DateTime(2012, 5, 23, 8, 0, 0, DateTimeKind.Utc), reminder["sendAtUtc"]!.GetValue<DateTime>());
        Assert.Empty(await Requests(Id(reminder)));
    }

    [Fact]
    public async Task A_run_ends_at_once_while_a_reminder_waits_for_its_day_and_cancellations_reach_calendars()
    {
        var (runId, address) = await SmallRun("ends");
        var first = LocalDate.FromDateTime(DateTime.UtcNow).PlusDays(60);
        await ScheduleCabinet(runId, $"{first:yyyy-MM-dd}");
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "cabinet-second", stageId = "cabinet", date = $"{first.PlusDays(7):yyyy-MM-dd}", startsAt = "10:30:00" }).Ok();
        await ds.Post($"api/runs/{runId}/meetings/cabinet-second/cancellation", new { reason = "The Mayor is away." }).Ok();

        var cancelled = (await WaitForDeliveries(runId, d => d.Any(x => Kind(x) == EmailKinds.MeetingCancelled))).Single(d => Kind(d) == EmailKinds.MeetingCancelled);
        var cancelMail = await MessageFor(cancelled);
        Assert.Contains("The Mayor is away.", cancelMail["text"]!.GetValue<string>());
        var cancelCalendar = Calendar.Load(cancelMail["attachments"]![0]!["text"]!.GetValue<string>())!;
        Assert.Equal("CANCEL", cancelCalendar.Method);
        var cancelledMeeting = cancelCalendar.Events.Single(e => e.Uid == $"{runId}-meeting-cabinet-second@approvalworkflow");
        Assert.Equal("CANCELLED", cancelledMeeting.Status);
        Assert.Equal(4, cancelledMeeting.Sequence);

        // The run is cancelled while Democratic Services' reminder for the first meeting still waits for its day.
        await ds.Post($"api/runs/{runId}/cancellation", new { reason = "The plan is replaced by the new strategy." }).Ok();
        var watch = Stopwatch.StartNew();
        var (status, problem, _) = await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "cabinet-third", stageId = "cabinet", date = "2030-01-07" });
        output.WriteLine($"A command after the end: {(int)status} in {watch.ElapsedMilliseconds} ms: {problem?["detail"]}");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("has ended", problem!["detail"]!.GetValue<string>());

        var deliveries = await WaitForDeliveries(runId, d => d.Any(x => Kind(x) == EmailKinds.Outcome));
        Assert.DoesNotContain(deliveries, d => Id(d) == $"email-{runId}-2-2");
        var outcome = await MessageFor(deliveries.Single(d => Kind(d) == EmailKinds.Outcome));
        Assert.Contains(address, outcome["to"]!.AsArray().Select(t => t!.GetValue<string>()));
        var outcomeCalendar = Calendar.Load(outcome["attachments"]![0]!["text"]!.GetValue<string>())!;
        Assert.Equal("CANCEL", outcomeCalendar.Method);
        Assert.Contains(outcomeCalendar.Events, e => e.Uid == $"{runId}-meeting-cabinet-{first:yyyy-MM-dd}@approvalworkflow" && e.Status == "CANCELLED");
        Assert.Contains(outcomeCalendar.Events, e => e.Uid == $"{runId}-papers-cabinet-{first:yyyy-MM-dd}@approvalworkflow");
    }

    [Fact]
    public async Task A_member_subscribes_once_to_a_calendar_of_every_date_that_concerns_them()
    {
        string runId = await Seed000ToCouncil(councilOn11JulyBeforeReferral: false);
        await ReferBack(runId);
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "council-2012-07-11", stageId = "full-council", date = "2012-07-11", startsAt = "19:00:00" }).Ok();

        var councillor = await Feed("full-council-07");
        Assert.Contains(councillor.Events, e => e.Uid == $"{runId}-meeting-council-2012-06-18@approvalworkflow");
        var july = councillor.Events.Single(e => e.Uid == $"{runId}-meeting-council-2012-07-11@approvalworkflow");
        Assert.Equal(new DateTime(2012, 7, 11, 18, 0, 0, DateTimeKind.Utc), july.DtStart!.AsUtc);
        Assert.DoesNotContain(councillor.Events, e => e.Uid!.StartsWith($"{runId}-period-end"));
        Assert.DoesNotContain(councillor.Events, e => e.Uid!.StartsWith($"{runId}-meeting-cabinet"));

        var cabinetMember = await Feed("cabinet-03");
        Assert.Contains(cabinetMember.Events, e => e.Uid == $"{runId}-meeting-cabinet-2012-06-06@approvalworkflow");
        Assert.Contains(cabinetMember.Events, e => e.Uid == $"{runId}-period-end-2012-06-25@approvalworkflow" && e.IsAllDay);
        Assert.Contains(cabinetMember.Events, e => e.Uid == $"{runId}-meeting-council-2012-07-11@approvalworkflow");

        var democraticServices = await Feed(Http.CalendarApi.DemocraticServicesFeed);
        var papers = democraticServices.Events.Single(e => e.Uid == $"{runId}-papers-council-2012-07-11@approvalworkflow");
        Assert.Equal(new DateOnly(2012, 7, 3), papers.DtStart!.Date);

        var (status, problem) = await member.Get("api/members/nobody-at-all/calendar.ics");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("nobody-at-all", problem!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Client().GetAsync("api/members/cabinet-03/calendar.ics")).StatusCode);

        // Subscribing once: the member's link opens their feed in a calendar app that sends no key...
        var (_, link) = await member.Get("api/members/full-council-07/calendar-link");
        string url = link!["url"]!.GetValue<string>();
        Assert.StartsWith("webcal://", link["webcal"]!.GetValue<string>());
        using var calendarApp = new HttpClient();
        string subscribed = await calendarApp.GetStringAsync(url);
        Assert.Contains(Calendar.Load(subscribed)!.Events, e => e.Uid == $"{runId}-meeting-council-2012-07-11@approvalworkflow");

        // ...and no other member's: a token is good for one member only.
        string otherMembers = url.Replace("/members/full-council-07/", "/members/cabinet-03/");
        Assert.Equal(HttpStatusCode.Forbidden, (await calendarApp.GetAsync(otherMembers)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await calendarApp.GetAsync(url[..^4] + "AAAA")).StatusCode);
    }

    [Fact]
    public async Task The_stand_in_checks_the_key_and_the_message_as_SendGrid_does()
    {
        var from = new EmailAddress("democratic.services@towerhamlets.example.gov.uk", "Democratic Services");
        var good = MailHelper.CreateSingleEmail(from, new EmailAddress("someone@members.example.gov.uk"), "Subject", "Text", "<p>Text</p>");

        var wrongKey = await Client("SG.not-the-key").SendEmailAsync(good);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Contains("authorization grant is invalid", await wrongKey.Body.ReadAsStringAsync());

        var noSubject = MailHelper.CreateSingleEmail(from, new EmailAddress("someone@members.example.gov.uk"), "", "Text", "<p>Text</p>");
        var bad = await Client().SendEmailAsync(noSubject);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonNode.Parse(await bad.Body.ReadAsStringAsync())!["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["field"]!.GetValue<string>() == "subject");

        var accepted = await Client().SendEmailAsync(good);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.True(accepted.Headers.TryGetValues("X-Message-Id", out var ids));
        var page = await standIn.GetStringAsync("sendgrid/");
        Assert.Contains(ids!.Single(), page);
    }

    [Fact]
    public async Task Emails_per_second_through_the_real_SendGrid_client_to_the_stand_in()
    {
        var client = Client();
        var from = new EmailAddress("democratic.services@towerhamlets.example.gov.uk", "Democratic Services");
        string ics = RunCalendar.Write(
            [new CalendarEntry("bench-meeting@approvalworkflow", "Full Council", "Meets.", new LocalDate(2012, 7, 11), new LocalTime(19, 0), Duration.FromHours(2), "Council Chamber", 1)],
            RunCalendar.Publish, DateTimeZoneProviders.Tzdb["Europe/London"], DateTimeOffset.UtcNow, "ds@example.gov.uk", "Democratic Services");
        SendGridMessage Message(int i)
        {
            var recipients = Enumerable.Range(1, 10).Select(r => new EmailAddress($"bench-{i}-{r}@members.example.gov.uk", $"Member {r}")).ToList();
            var message = MailHelper.CreateSingleEmailToMultipleRecipients(from, recipients, $"Bench {i}", new string('x', 2000), "<p>" + new string('x', 3000) + "</p>", false);
            message.AddAttachment("meeting.ics", Convert.ToBase64String(Encoding.UTF8.GetBytes(ics)), "text/calendar; method=PUBLISH", "attachment");
            return message;
        }

        await client.SendEmailAsync(Message(0));
        var one = Stopwatch.StartNew();
        for (int i = 1; i <= 200; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendEmailAsync(Message(i))).StatusCode);
        }

        one.Stop();
        var eight = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(201, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendEmailAsync(Message(i))).StatusCode));
        eight.Stop();
        output.WriteLine($"200 emails (10 recipients, text, HTML and .ics each) one at a time: {200 / one.Elapsed.TotalSeconds:F0} emails/s; " +
                         $"8 at a time: {200 / eight.Elapsed.TotalSeconds:F0} emails/s");
    }

    [Fact]
    public void A_reminder_goes_out_at_nine_London_time_two_working_days_before_its_deadline()
    {
        var settings = NotificationSettings.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var london = DateTimeZoneProviders.Tzdb["Europe/London"];
        // Period's last day Monday 25 June 2012: reminded Thursday 21 June, 09:00 BST.
        Assert.Equal(new DateTime(2012, 6, 21, 8, 0, 0, DateTimeKind.Utc),
            EmailPlanner.ReminderMomentUtc(new LocalDate(2012, 6, 25), 2, settings, WorkingDayCalendar.EnglandAndWales, london));
        // Papers for 11 July 2012 due Tuesday 3 July: reminded Friday 29 June.
        Assert.Equal(new DateTime(2012, 6, 29, 8, 0, 0, DateTimeKind.Utc),
            EmailPlanner.ReminderMomentUtc(new LocalDate(2012, 7, 3), 2, settings, WorkingDayCalendar.EnglandAndWales, london));
        // Over the 2012 jubilee holidays (4 and 5 June): deadline Thursday 7 June, reminded Friday 1 June; GMT in winter.
        Assert.Equal(new DateTime(2012, 6, 1, 8, 0, 0, DateTimeKind.Utc),
            EmailPlanner.ReminderMomentUtc(new LocalDate(2012, 6, 7), 2, settings, WorkingDayCalendar.EnglandAndWales, london));
        Assert.Equal(new DateTime(2012, 12, 20, 9, 0, 0, DateTimeKind.Utc),
            EmailPlanner.ReminderMomentUtc(new LocalDate(2012, 12, 24), 2, settings, WorkingDayCalendar.EnglandAndWales, london));
    }

    // ---- the run's steps ----

    /// <summary>Seed 000 with the default partnership stages (dates before Council as in the procedure tests) up to Council on 18 June 2012.</summary>
    async Task<string> Seed000ToCouncil(bool councilOn11JulyBeforeReferral)
    {
        string runId = await ds.StartRun("Community Safety Plan 2012-13");
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "csp-2012-03-20", stageId = "csp", date = "2012-03-20" }).Ok();
        await clerk.Post($"api/runs/{runId}/meetings/csp-2012-03-20/stage-approval", new { approved = true }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "csp-executive-2012-04-17", stageId = "csp-executive", date = "2012-04-17" }).Ok();
        await clerk.Post($"api/runs/{runId}/meetings/csp-executive-2012-04-17/stage-approval", new { approved = true }).Ok();
        await clerk.Post($"api/runs/{runId}/consultation", new
        {
            consultedOn = "2012-05-10",
            recommendations = new[] { "Include measurable targets." },
            response = "Targets are in the sub-group delivery plans.",
        }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "cabinet-2012-06-06", stageId = "cabinet", date = "2012-06-06" }).Ok();
        await ds.UploadDraftPlan(runId);
        await clerk.Post($"api/runs/{runId}/meetings/cabinet-2012-06-06/cabinet-decision", new { decision = "Recommend" }).Ok();
        await ds.Post($"api/runs/{runId}/meetings", new
        {
            meetingId = "council-2012-06-18", stageId = "full-council", date = "2012-06-18", startsAt = "19:00:00", location = "Council Chamber, Mulberry Place",
        }).Ok();
        if (councilOn11JulyBeforeReferral)
        {
            await ds.Post($"api/runs/{runId}/meetings", new { meetingId = "council-2012-07-11", stageId = "full-council", date = "2012-07-11", startsAt = "19:00:00" }).Ok();
        }

        return runId;
    }

    /// <summary>Council, 18 June 2012: one amendment agreed, the plan referred back, the Mayor receiving the instructions that day.</summary>
    async Task ReferBack(string runId) =>
        await clerk.Post($"api/runs/{runId}/meetings/council-2012-06-18/council-decision", new
        {
            outcome = "refer-back",
            vote = Council.Counts(60, 40, 18, 2),
            amendments = new[] { new { number = 1, mover = "Councillor Abdal Ullah", seconder = "Councillor Judith Gardiner", text = Seeds.Seed000Amendment() } },
            instructionsReceivedOn = "2012-06-18",
        }).Ok();

    /// <summary>A run of Cabinet and Full Council with bodies of its own, so its emails go to addresses no other test uses.</summary>
    async Task<(string RunId, string Address)> SmallRun(string name)
    {
        string suffix = Guid.NewGuid().ToString("N")[..8];
        string cabinet = $"cabinet-{name}-{suffix}", council = $"council-{name}-{suffix}";
        await Council.RegisterBody(ds, cabinet, "Cabinet", 1);
        await Council.RegisterBody(ds, council, "Full Council", 3);
        string runId = await ds.StartRun($"Notification test {name}", extra: new
        {
            stages = new object[]
            {
                new { id = "cabinet", name = "Cabinet", kind = "Cabinet", bodyId = cabinet },
                new { id = "full-council", name = "Full Council", kind = "FullCouncil", bodyId = council },
            },
        });
        return (runId, $"{cabinet}-01@members.example.gov.uk");
    }

    Task ScheduleCabinet(string runId, string date) =>
        ds.Post($"api/runs/{runId}/meetings", new { meetingId = $"cabinet-{date}", stageId = "cabinet", date }).Ok();

    // ---- reading the record and the stand-in ----

    async Task<IReadOnlyList<JsonNode>> Deliveries(string runId)
    {
        var (status, timeline) = await member.Get($"api/runs/{runId}/timeline");
        Assert.Equal(HttpStatusCode.OK, status);
        return timeline!["deliveries"]!.AsArray().Select(d => d!).ToList();
    }

    async Task<IReadOnlyList<JsonNode>> WaitForDeliveries(string runId, Func<IReadOnlyList<JsonNode>, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var deliveries = await Deliveries(runId);
            if (done(deliveries))
            {
                return deliveries;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The deliveries of {runId} did not arrive within {seconds} s; so far: " +
                            string.Join("; ", deliveries.Select(d => $"{Id(d)} {Kind(d)} {Outcome(d)}")) + "\n" + system.Host.RecentOutput);
            }

            await Task.Delay(200);
        }
    }

    async Task<JsonNode> Messages(string query)
    {
        var (status, body) = await standIn.Get($"sendgrid/messages?{query}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!["messages"]!;
    }

    async Task<JsonNode> MessageFor(JsonNode delivery)
    {
        string messageId = delivery["messageId"]!.GetValue<string>();
        var captured = (await Messages($"emailId={Id(delivery)}")).AsArray();
        return captured.Single(m => m!["messageId"]!.GetValue<string>() == messageId)!;
    }

    async Task<IReadOnlyList<JsonNode?>> Requests(string emailId)
    {
        var (_, body) = await standIn.Get($"sendgrid/requests?emailId={emailId}");
        return body!["requests"]!.AsArray().ToList();
    }

    async Task Faults(object plan)
    {
        var (status, body, _) = await standIn.Post("sendgrid/faults", plan);
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
    }

    async Task<Calendar> Feed(string memberId)
    {
        using var response = await member.GetAsync($"api/members/{memberId}/calendar.ics");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} {text}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return Calendar.Load(text)!;
    }

    SendGridClient Client(string key = SendGridStandInEndpoints.DefaultApiKey) =>
        new(new SendGridClientOptions { ApiKey = key, Host = new Uri(system.Host.BaseAddress, "sendgrid/").ToString() });

    static string Id(JsonNode d) => d["emailId"]!.GetValue<string>();

    static string Kind(JsonNode d) => d["kind"]!.GetValue<string>();

    static string Outcome(JsonNode d) => d["outcome"]!.GetValue<string>();

    static IReadOnlyList<string> To(JsonNode d) => d["to"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
}
