using ApprovalWorkflow.Procedure;
using NodaTime;

namespace ApprovalWorkflow.Notifications;

/// <summary>An event as it stands on the run's record: its sequence number and when it was recorded.</summary>
public sealed record RecordedRunEvent(long Sequence, RunEvent Event, DateTimeOffset RecordedAt);

/// <summary>What the planner needs beyond the run: the registered bodies, the settings, the calendar and the zone.</summary>
public sealed record EmailPlanContext(
    string RunId, IReadOnlyDictionary<string, Body> Bodies, NotificationSettings Settings, WorkingDayCalendar Calendar, DateTimeZone Zone);

/// <summary>
/// Who hears of what: given the events one command recorded and the run's state before them, the emails
/// to send (PROCEDURE.md, "Deadlines and emails"). Pure: no clock, no I/O; the same events give the same
/// emails with the same ids, so planning again after a retry schedules nothing new.
/// <list type="bullet">
/// <item>a meeting is scheduled: the body's members get the date and when the papers come; Democratic
/// Services gets the publication deadline and, before it, a reminder;</item>
/// <item>Council refers the plan back: the Executive (its mailbox and the Cabinet body's members) gets the
/// amendments, the period's end and Council's next meeting, and a reminder before the period ends;</item>
/// <item>Council's meeting for its final decision is known (scheduled after the referral, or already on the
/// schedule when Council refers back), or the Executive responds while it is: all councillors (and the
/// Executive) get the revised draft notes and the Executive's reasons;</item>
/// <item>a meeting is cancelled: its body's members and Democratic Services, with METHOD:CANCEL;</item>
/// <item>the run ends (adopted, not adopted, withdrawn, cancelled): everyone involved, once each.</item>
/// </list>
/// An email whose recipients are unknown (no body registered, no mailbox configured) is left out.
/// </summary>
public static class EmailPlanner
{
    public static IReadOnlyList<EmailToSend> Plan(EmailPlanContext context, RunState before, IReadOnlyList<RecordedRunEvent> newEvents)
    {
        var after = newEvents.Aggregate(before, (state, e) => ApprovalRun.Apply(state, e.Event));
        return new Planning(context, after).Plan(newEvents);
    }

    /// <summary>The day and moment a reminder goes out: <paramref name="workingDays"/> working days before the deadline, at the reminder time.</summary>
    public static DateTime ReminderMomentUtc(LocalDate deadline, int workingDays, NotificationSettings settings, WorkingDayCalendar calendar, DateTimeZone zone)
    {
        var day = deadline;
        for (int i = 0; i < workingDays; i++)
        {
            day = calendar.PreviousWorkingDayBefore(day);
        }

        return (day + settings.ReminderTimeOfDay).InZoneLeniently(zone).ToDateTimeUtc();
    }

    sealed class Planning(EmailPlanContext context, RunState state)
    {
        readonly List<EmailToSend> emails = [];
        bool reconsiderationNoticeSent;

        NotificationSettings Settings => context.Settings;
        string RunId => context.RunId;
        string Title => state.Title;

        public IReadOnlyList<EmailToSend> Plan(IReadOnlyList<RecordedRunEvent> newEvents)
        {
            foreach (var recorded in newEvents)
            {
                switch (recorded.Event)
                {
                    case MeetingScheduled scheduled when state.FindMeeting(scheduled.MeetingId) is { } meeting:
                        MeetingWasScheduled(recorded, meeting);
                        break;
                    case MeetingCancelled cancelled when state.FindMeeting(cancelled.MeetingId) is { } meeting:
                        MeetingWasCancelled(recorded, meeting, cancelled.Reason);
                        break;
                    case ReferredBackToExecutive when state.Referral is { } referral:
                        WasReferredBack(recorded, referral);
                        break;
                    case ExecutiveResponseRecorded when state.OpenFinalMeeting() is { } final:
                        ReconsiderationMeeting(recorded, slot: 0, final);
                        break;
                    case PlanAdopted or PlanNotAdopted or PlanWithdrawn or RunCancelled:
                        RunEnded(recorded);
                        break;
                }
            }

            return emails;
        }

        void MeetingWasScheduled(RecordedRunEvent recorded, ScheduledMeeting meeting)
        {
            int sequence = (int)recorded.Sequence;
            string stage = RunCalendar.StageName(state, meeting.StageId);
            var meetingEntry = RunCalendar.Meeting(RunId, state, meeting, sequence);
            var papersEntry = RunCalendar.PapersDeadline(RunId, state, meeting, sequence);

            if (state.OpenFinalMeeting()?.Id == meeting.Id)
            {
                ReconsiderationMeeting(recorded, slot: 0, meeting);
            }
            else
            {
                string bodyName = context.Bodies.TryGetValue(meeting.BodyId, out var body) ? body.Name : stage;
                var text = new EmailText()
                    .Greeting($"member of {bodyName}")
                    .Paragraph($"{stage} will consider the {Title} at its meeting on {EmailText.MeetingWhen(meeting)}.")
                    .Facts(
                        ("Meeting", stage),
                        ("Date", EmailText.DateWithDay(meeting.Date)),
                        ("Time", EmailText.Time(meeting.StartsAt ?? RunCalendar.DefaultMeetingStart) + (meeting.StartsAt is null ? " (to be confirmed)" : "")),
                        ("Place", meeting.Location),
                        ("Papers published by", $"{EmailText.DateWithDay(meeting.PublishPapersBy)} (five clear working days before the meeting)"))
                    .ToDo($"Keep {EmailText.DateWithDay(meeting.Date)} free for the meeting (the attached calendar entry adds it to your calendar) " +
                          $"and read the papers when they are published, by {EmailText.DateWithDay(meeting.PublishPapersBy)}.")
                    .Footer(RunId, Title, Settings.FromName);
                Add(recorded, 0, EmailKinds.Meeting, Members(meeting.BodyId),
                    $"{stage} meets on {ClerkText.Date(meeting.Date)}: {Title}", text, Ics("meeting.ics", recorded, meetingEntry));
            }

            var deadline = new EmailText()
                .Greeting("Democratic Services")
                .Paragraph($"{stage} meets on {EmailText.MeetingWhen(meeting)} to consider the {Title}. " +
                           "Its papers must be published at least five clear working days before: neither the day of publication nor the day of the meeting counts.")
                .Facts(("Meeting", $"{stage}, {EmailText.DateWithDay(meeting.Date)}"), ("Publish the papers by", EmailText.DateWithDay(meeting.PublishPapersBy)))
                .ToDo($"Publish the papers for {stage}'s meeting by {EmailText.DateWithDay(meeting.PublishPapersBy)}." +
                      (Settings.PublicationDeadlineReminderWorkingDays > 0 ? $" A reminder follows {WorkingDays(Settings.PublicationDeadlineReminderWorkingDays)} before." : ""))
                .Footer(RunId, Title, Settings.FromName);
            Add(recorded, 1, EmailKinds.PapersDeadline, DemocraticServices(),
                $"Publish papers by {ClerkText.Date(meeting.PublishPapersBy)}: {stage} on {ClerkText.Date(meeting.Date)} ({Title})",
                deadline, Ics("papers-deadline.ics", recorded, papersEntry));

            if (Settings.PublicationDeadlineReminderWorkingDays > 0)
            {
                var reminder = new EmailText()
                    .Greeting("Democratic Services")
                    .Paragraph($"A reminder: the papers for {stage}'s meeting on {EmailText.MeetingWhen(meeting)}, on the {Title}, " +
                               $"must be published by {EmailText.DateWithDay(meeting.PublishPapersBy)}, {WorkingDays(Settings.PublicationDeadlineReminderWorkingDays)} from today.")
                    .ToDo($"Publish the papers by {EmailText.DateWithDay(meeting.PublishPapersBy)}.")
                    .Footer(RunId, Title, Settings.FromName);
                Add(recorded, 2, EmailKinds.PapersReminder, DemocraticServices(),
                    $"Reminder: papers for {stage} on {ClerkText.Date(meeting.Date)} are due by {ClerkText.Date(meeting.PublishPapersBy)} ({Title})",
                    reminder, Ics("papers-deadline.ics", recorded, papersEntry),
                    EmailPlanner.ReminderMomentUtc(meeting.PublishPapersBy, Settings.PublicationDeadlineReminderWorkingDays, Settings, context.Calendar, context.Zone),
                    new StillDue("papers", meeting.Id, meeting.PublishPapersBy.ToString("yyyy-MM-dd", null)));
            }
        }

        void MeetingWasCancelled(RecordedRunEvent recorded, ScheduledMeeting meeting, string reason)
        {
            int sequence = (int)recorded.Sequence;
            string stage = RunCalendar.StageName(state, meeting.StageId);
            bool wasFinal = state.Referral is { } referral && state.FullCouncilStage?.Id == meeting.StageId && meeting.Date >= referral.CouncilMayDecideFrom;
            var recipients = Members(meeting.BodyId).Concat(DemocraticServices()).Concat(wasFinal ? Executive() : []);
            var text = new EmailText()
                .Greeting($"member of {(context.Bodies.TryGetValue(meeting.BodyId, out var body) ? body.Name : stage)}")
                .Paragraph($"{stage}'s meeting on {EmailText.MeetingWhen(meeting)} to consider the {Title} is cancelled. Reason: {reason}")
                .Paragraph($"The deadline for publishing its papers, {EmailText.DateWithDay(meeting.PublishPapersBy)}, falls away with it.")
                .ToDo("Nothing for this meeting: the attached calendar entry removes it from your calendar. You will hear when another meeting is scheduled.")
                .Footer(RunId, Title, Settings.FromName);
            Add(recorded, 0, EmailKinds.MeetingCancelled, recipients,
                $"Cancelled: {stage} on {ClerkText.Date(meeting.Date)} ({Title})", text,
                Ics("cancelled.ics", recorded,
                    RunCalendar.Meeting(RunId, state, meeting, sequence).AsCancelled(sequence),
                    RunCalendar.PapersDeadline(RunId, state, meeting, sequence).AsCancelled(sequence)));
        }

        void WasReferredBack(RecordedRunEvent recorded, Referral referral)
        {
            int sequence = (int)recorded.Sequence;
            var final = state.OpenFinalMeeting();
            var entries = new List<CalendarEntry> { RunCalendar.PeriodEnd(RunId, state, referral, sequence) };
            if (final is not null)
            {
                entries.Add(RunCalendar.Meeting(RunId, state, final, sequence));
            }

            int count = state.Amendments.Count;
            var text = new EmailText()
                .Greeting("member of the Executive")
                .Paragraph($"Full Council met on {EmailText.DateWithDay(referral.ReferredOn)} and referred the {Title} back to the Executive with " +
                           $"{(count == 1 ? "one amendment" : $"{count} amendments")}, instructing it to reconsider the plan. " +
                           $"The Executive received Council's instructions on {EmailText.DateWithDay(referral.InstructionsReceivedOn)}.")
                .Heading(count == 1 ? "Council's amendment" : "Council's amendments")
                .List(state.Amendments.Select(a => EmailText.AmendmentLine(a.Amendment)))
                .Facts(
                    ("Reconsideration period", $"{EmailText.DateWithDay(referral.PeriodFirstDay)} to {EmailText.DateWithDay(referral.PeriodLastDay)}" +
                                               (referral.PeriodSetByCouncil ? " (as set by Council)" : $" ({referral.PeriodWorkingDays.Count} working days)")),
                    ("The period ends", $"at the end of {EmailText.DateWithDay(referral.PeriodLastDay)}"),
                    ("Council may decide from", EmailText.DateWithDay(referral.CouncilMayDecideFrom)),
                    ("Council's next meeting", final is null ? "not yet scheduled; you will hear when it is" : EmailText.MeetingWhen(final)))
                .ToDo($"By the end of {EmailText.DateWithDay(referral.PeriodLastDay)}, respond to each amendment (accept it, accept it with a modification, " +
                      "or not accept it, with reasons) and submit the revised draft with the reasons for its changes. " +
                      "An amendment with no answer by then counts as not accepted.")
                .Footer(RunId, Title, Settings.FromName);
            Add(recorded, 0, EmailKinds.Referral, Executive(),
                $"Council referred {Title} back: the reconsideration period ends on {ClerkText.Date(referral.PeriodLastDay)}",
                text, Ics("reconsideration.ics", recorded, entries.ToArray()));

            if (Settings.PeriodEndReminderWorkingDays > 0)
            {
                var reminder = new EmailText()
                    .Greeting("member of the Executive")
                    .Paragraph($"A reminder: the Executive's reconsideration period for the {Title} ends at the end of {EmailText.DateWithDay(referral.PeriodLastDay)}, " +
                               $"{WorkingDays(Settings.PeriodEndReminderWorkingDays)} from today. An amendment not answered by then counts as not accepted.")
                    .List(state.Amendments.Select(a => EmailText.AmendmentLine(a.Amendment)))
                    .ToDo($"Respond to each amendment still unanswered by the end of {EmailText.DateWithDay(referral.PeriodLastDay)}.")
                    .Footer(RunId, Title, Settings.FromName);
                Add(recorded, 1, EmailKinds.PeriodEndReminder, Executive(),
                    $"Reminder: the reconsideration period for {Title} ends on {ClerkText.Date(referral.PeriodLastDay)}",
                    reminder, Ics("reconsideration.ics", recorded, RunCalendar.PeriodEnd(RunId, state, referral, sequence)),
                    EmailPlanner.ReminderMomentUtc(referral.PeriodLastDay, Settings.PeriodEndReminderWorkingDays, Settings, context.Calendar, context.Zone),
                    new StillDue("period", null, referral.PeriodLastDay.ToString("yyyy-MM-dd", null)));
            }

            if (final is not null)
            {
                ReconsiderationMeeting(recorded, slot: 2, final);
            }
        }

        /// <summary>Council's meeting for its final decision, to every councillor and the Executive; once per command.</summary>
        void ReconsiderationMeeting(RecordedRunEvent recorded, int slot, ScheduledMeeting meeting)
        {
            if (reconsiderationNoticeSent || state.Referral is not { } referral)
            {
                return;
            }

            reconsiderationNoticeSent = true;
            var text = new EmailText()
                .Greeting("Councillor")
                .Paragraph($"Full Council referred the {Title} back to the Executive on {EmailText.DateWithDay(referral.ReferredOn)}. " +
                           $"Council takes its final decision at its meeting on {EmailText.MeetingWhen(meeting)}, after the Executive's reconsideration period, " +
                           $"which {(referral.PeriodEnded ? "ended" : "ends")} at the end of {EmailText.DateWithDay(referral.PeriodLastDay)}.")
                .Heading("The amendments and the Executive's response")
                .List(state.Amendments.Select(EmailText.ResponseLine));
            if (referral.RevisedDraftNotes.Count > 0)
            {
                text.Heading("The Executive's revised draft").List(referral.RevisedDraftNotes);
            }
            else
            {
                text.Paragraph(referral.PeriodEnded
                    ? "The Executive has not submitted a note on a revised draft."
                    : $"The Executive has until the end of {EmailText.DateWithDay(referral.PeriodLastDay)} to respond and submit its revised draft; you will hear when it does.");
            }

            string threshold = state.Rules?.InsistThreshold == VotingThreshold.SimpleMajority
                ? "a simple majority of those voting"
                : "at least two thirds of the members present and voting";
            text.Paragraph($"Amendments the Executive accepted are part of the revised draft. Council may insist on an amendment the Executive did not accept; that needs {threshold}. " +
                           "Council then votes on adopting the plan with the accepted and insisted amendments.")
                .ToDo($"Read the revised draft and the Executive's reasons before the meeting on {EmailText.DateWithDay(meeting.Date)}: Council must take them into account.")
                .Footer(RunId, Title, Settings.FromName);
            Add(recorded, slot, EmailKinds.ReconsiderationMeeting, Councillors().Concat(Executive()),
                $"Council's final decision on {Title}: {ClerkText.Date(meeting.Date)}", text,
                Ics("meeting.ics", recorded, RunCalendar.Meeting(RunId, state, meeting, (int)recorded.Sequence)));
        }

        void RunEnded(RecordedRunEvent recorded)
        {
            int sequence = (int)recorded.Sequence;
            var ended = state.EndedOn ?? LocalDate.MinIsoValue;
            // Whatever is still in people's calendars for this run is taken out.
            var standing = state.Meetings
                .Where(m => !m.IsCancelled && m.Date >= ended && !state.Decisions.Any(d => d.MeetingId == m.Id))
                .SelectMany(m => new[]
                {
                    RunCalendar.Meeting(RunId, state, m, sequence).AsCancelled(sequence),
                    RunCalendar.PapersDeadline(RunId, state, m, sequence).AsCancelled(sequence),
                })
                .ToList();
            if (state.Referral is { PeriodEnded: false } referral)
            {
                standing.Add(RunCalendar.PeriodEnd(RunId, state, referral, sequence).AsCancelled(sequence));
            }

            var vote = recorded.Event switch
            {
                PlanAdopted a => a.Vote,
                PlanNotAdopted n => n.Vote,
                _ => null,
            };
            string outcome = state.Status switch
            {
                RunStatus.Adopted => "adopted",
                RunStatus.NotAdopted => "not adopted",
                RunStatus.Withdrawn => "withdrawn",
                _ => "cancelled",
            };
            var text = new EmailText()
                .Greeting("colleague")
                .Paragraph($"On {EmailText.DateWithDay(ended)}, {state.OutcomeInWords}: the approval run for the {Title} has ended and nothing more will be recorded on it.");
            if (vote is not null)
            {
                text.Facts(("Council's vote", ClerkText.Counts(vote)));
            }

            if (state.AmendmentsApplied.Count > 0)
            {
                text.Heading("Amendments in the adopted plan").List(state.AmendmentsApplied.Select(a => $"Amendment {a.Number} ({Because(a.Because)}): {a.Text}"));
            }

            text.ToDo(standing.Count > 0
                    ? "Nothing: this is for your information. The attached calendar entry removes the run's remaining dates from your calendar."
                    : "Nothing: this is for your information.")
                .Footer(RunId, Title, Settings.FromName);
            Add(recorded, 0, EmailKinds.Outcome, EveryoneInvolved(), $"{Title}: {outcome}", text,
                standing.Count > 0 ? Ics("cancelled.ics", recorded, standing.ToArray()) : null);
        }

        static string Because(AppliedBecause because) => because switch
        {
            AppliedBecause.AcceptedByExecutive => "accepted by the Executive",
            AppliedBecause.AcceptedWithModification => "accepted by the Executive with a modification",
            _ => "insisted on by Council",
        };

        static string WorkingDays(int n) => n == 1 ? "one working day" : $"{n} working days";

        IcsAttachment Ics(string fileName, RecordedRunEvent recorded, params CalendarEntry[] entries) =>
            RunCalendar.Attachment(fileName, entries, context.Zone, recorded.RecordedAt, Settings);

        void Add(
            RecordedRunEvent recorded, int slot, string kind, IEnumerable<Recipient> to, string subject, EmailText text, IcsAttachment? ics,
            DateTime? sendAtUtc = null, StillDue? onlyIf = null)
        {
            var recipients = Distinct(to);
            if (recipients.Count == 0)
            {
                return;
            }

            emails.Add(new EmailToSend(
                $"email-{RunId}-{recorded.Sequence}-{slot}", RunId, kind, recipients, subject, text.Text, text.Html, ics,
                sendAtUtc, recorded.Sequence, onlyIf, new DeliveryPolicy(Settings.SendAttempts, Settings.FirstRetryInterval.TotalSeconds)));
        }

        IEnumerable<Recipient> Members(string bodyId) =>
            context.Bodies.TryGetValue(bodyId, out var body) ? body.Members.Select(m => new Recipient(m.Email, m.Name)) : [];

        IEnumerable<Recipient> DemocraticServices() =>
            Settings.DemocraticServicesEmail is { } email ? [new Recipient(email, "Democratic Services")] : [];

        /// <summary>The Executive: its mailbox and the members of the Cabinet stage's body.</summary>
        IEnumerable<Recipient> Executive()
        {
            var mailbox = Settings.ExecutiveEmail is { } email ? new[] { new Recipient(email, "The Executive") } : [];
            var cabinet = state.Stages.FirstOrDefault(s => s.Kind == StageKind.Cabinet);
            return mailbox.Concat(cabinet is null ? [] : Members(cabinet.BodyId));
        }

        IEnumerable<Recipient> Councillors() => state.FullCouncilStage is { } council ? Members(council.BodyId) : [];

        IEnumerable<Recipient> EveryoneInvolved() =>
            state.Stages.Select(s => s.BodyId).Distinct().SelectMany(Members).Concat(DemocraticServices()).Concat(Executive());

        static IReadOnlyList<Recipient> Distinct(IEnumerable<Recipient> recipients) =>
            recipients.DistinctBy(r => r.Email.Trim(), StringComparer.OrdinalIgnoreCase).ToList();
    }
}
