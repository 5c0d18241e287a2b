using System.Text.Json;
using CsCheck;
using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>
/// Random sequences of commands, each decided and applied, never reach a forbidden state. The sequences are
/// guided: most steps pick among the commands the run accepts at that point (so runs get deep: referrals,
/// responses, insist votes, adoption), some pick any command on any day (so refusals are exercised too).
/// </summary>
public sealed class RunProperties
{
    private const int Iterations = 100;
    private const int Threads = 1; // the build machine's cores are shared

    private static readonly Amendment Second = new(2, "Councillor Peter Golds", "Councillor Tim Archer", "Add a target for serious acquisitive crime.");

    private static readonly LocalDate[] Days =
    [
        D(2012, 3, 1), D(2012, 3, 20), D(2012, 4, 17), D(2012, 5, 10), D(2012, 6, 6), D(2012, 6, 18), D(2012, 6, 20),
        D(2012, 6, 22), D(2012, 6, 25), D(2012, 6, 26), D(2012, 7, 4), D(2012, 7, 11), D(2012, 7, 12), D(2012, 7, 18), D(2012, 7, 25), D(2012, 8, 1),
    ];

    private static readonly Vote[] CouncilVotes =
    [
        Votes(40, 18, 2), Votes(39, 21), Votes(40, 20), Votes(20, 40), Votes(30, 30), Votes(30, 30, casting: VoteChoice.For),
        Votes(30, 30, casting: VoteChoice.Against), Votes(10, 5), Votes(41, 19, present: 50),
    ];

    private static readonly ExecutiveResponse[] Responses =
    [
        new ExecutiveResponse.Accepted(),
        new ExecutiveResponse.AcceptedWithModification("Modified wording."),
        new ExecutiveResponse.NotAccepted("Targets are in the delivery plans."),
    ];

    /// <summary>Every command the property may send, each with the day it would naturally be sent.</summary>
    private static readonly (RunCommand Command, LocalDate Today)[] Pool = BuildPool();

    private static (RunCommand, LocalDate)[] BuildPool()
    {
        var pool = new List<(RunCommand, LocalDate)>
        {
            (new StartRun("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan, MayorsRules), D(2012, 3, 1)),
            (new StartRun("Community Safety Plan 2012-13", StageTemplates.PartnershipPlan,
                RunRules.ForPlan(ExecutiveArrangement.LeaderAndCabinet, VotingThreshold.SimpleMajority)), D(2012, 3, 1)),
            (new AddDocumentVersion(DocumentKind.DraftPlan, "run/draft-plan/1", new string('a', 64), 130_284, "application/pdf", "draft.pdf"), D(2012, 3, 1)),
            (new ScheduleMeeting("csp-1", "csp", D(2012, 3, 20)), D(2012, 3, 1)),
            (new ScheduleMeeting("csp-2", "csp", D(2012, 4, 3)), D(2012, 3, 1)),
            (new ScheduleMeeting("csp-executive-1", "csp-executive", D(2012, 4, 17)), D(2012, 3, 1)),
            (new ScheduleMeeting("os-1", "executive-consultation", D(2012, 5, 10)), D(2012, 3, 1)),
            (new ScheduleMeeting("cabinet-1", "cabinet", D(2012, 6, 6)), D(2012, 3, 1)),
            (new ScheduleMeeting("cabinet-2", "cabinet", D(2012, 7, 4)), D(2012, 3, 1)),
            (new ScheduleMeeting(Council18June, "full-council", D(2012, 6, 18)), D(2012, 3, 1)),
            (new ScheduleMeeting(Council22June, "full-council", D(2012, 6, 22)), D(2012, 6, 19)),
            (new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11)), D(2012, 6, 19)),
            (new ScheduleMeeting("council-2012-07-18", "full-council", D(2012, 7, 18)), D(2012, 6, 19)),
            (new ScheduleMeeting("council-2012-07-25", "full-council", D(2012, 7, 25)), D(2012, 6, 19)),
            (new CancelMeeting("csp-1", "Moved"), D(2012, 3, 5)),
            (new CancelMeeting(Council11July, "Moved"), D(2012, 7, 1)),
            (new RecordStageApproval("csp-1", true), D(2012, 3, 20)),
            (new RecordStageApproval("csp-1", false, Votes(4, 9)), D(2012, 3, 20)),
            (new RecordStageApproval("csp-2", true, Votes(9, 4)), D(2012, 4, 3)),
            (new RecordStageApproval("csp-executive-1", true), D(2012, 4, 17)),
            (new RecordConsultation(null, D(2012, 5, 10), ["Include targets."], "In the delivery plans."), D(2012, 5, 10)),
            (new RecordConsultation("os-1", null, [], "None."), D(2012, 5, 10)),
            (new RecordCabinetDecision("cabinet-1", CabinetDecision.Recommend), D(2012, 6, 6)),
            (new RecordCabinetDecision("cabinet-1", CabinetDecision.SendBack), D(2012, 6, 6)),
            (new RecordCabinetDecision("cabinet-2", CabinetDecision.Recommend, Votes(6, 2)), D(2012, 7, 4)),
            (new EndReconsiderationPeriod(), D(2012, 6, 26)),
            (new EndReconsiderationPeriod(), D(2012, 7, 20)),
            (new WithdrawPlan("Superseded"), D(2012, 7, 5)),
            (new CancelRun("Duplicate"), D(2012, 7, 5)),
            (new CancelRun(""), D(2012, 7, 5)),
        };
        foreach (var meeting in new[] { (Council22June, D(2012, 6, 22)), (Council11July, D(2012, 7, 11)), ("council-2012-07-25", D(2012, 7, 25)) })
        {
            foreach (var vote in CouncilVotes)
            {
                pool.Add((new RecordInsistVote(meeting.Item1, 1, vote), meeting.Item2));
                pool.Add((new RecordInsistVote(meeting.Item1, 2, vote), meeting.Item2));
                pool.Add((new RecordFinalDecision(meeting.Item1, vote), meeting.Item2));
            }
        }
        // Few ways to end at the first meeting, more ways to refer back, so that sequences reach the reconsideration.
        foreach (var vote in new[] { Votes(39, 21), Votes(20, 40), Votes(30, 30), Votes(10, 5) })
        {
            pool.Add((new AdoptPlan(Council18June, vote), D(2012, 6, 18)));
            pool.Add((new RejectPlan(Council18June, vote), D(2012, 6, 18)));
        }
        pool.Add((new ReferBackToExecutive(Council11July, Votes(40, 18, 2), [Seed000Amendment, Second]), D(2012, 7, 11)));
        pool.Add((new RecordFinalDecision(Council18June, Votes(40, 20)), D(2012, 6, 18)));
        pool.Add((new RecordInsistVote(Council18June, 1, Votes(40, 20)), D(2012, 6, 18)));
        pool.Add((new ReferBackToExecutive(Council18June, Votes(40, 18, 2), [Seed000Amendment]), D(2012, 6, 18)));
        pool.Add((new ReferBackToExecutive(Council18June, Votes(40, 18, 2), [Seed000Amendment, Second]), D(2012, 6, 18)));
        pool.Add((new ReferBackToExecutive(Council18June, Votes(40, 18, 2), [Seed000Amendment], PeriodEndsOn: D(2012, 7, 10)), D(2012, 6, 18)));
        pool.Add((new ReferBackToExecutive(Council18June, Votes(40, 18, 2), [Seed000Amendment], PeriodEndsOn: D(2012, 6, 22)), D(2012, 6, 18)));
        pool.Add((new ReferBackToExecutive(Council18June, Votes(40, 18, 2), [Seed000Amendment], InstructionsReceivedOn: D(2012, 6, 20)), D(2012, 6, 20)));
        foreach (var day in new[] { D(2012, 6, 20), D(2012, 6, 25), D(2012, 7, 4), D(2012, 7, 16) })
        {
            foreach (var response in Responses)
            {
                pool.Add((new RecordExecutiveResponse(day, [new AmendmentResponse(1, response)]), day));
                pool.Add((new RecordExecutiveResponse(day, [new AmendmentResponse(2, response)]), day));
            }
        }
        return pool.ToArray();
    }

    /// <summary>A step: which command (index), how to choose it (mode), and a day for unguided steps.</summary>
    private static readonly Gen<(int Pick, int Mode, int Day)[]> Steps =
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 39], Gen.Int[0, Days.Length - 1]).Array[1, 60];

    /// <summary>Plays the steps, checking after each one; returns the history.</summary>
    private static List<RunEvent> Play((int Pick, int Mode, int Day)[] steps, Action<RunState, RunCommand, DecisionContext, Decision, RunState> check)
    {
        var state = RunState.Initial;
        var history = new List<RunEvent>();
        foreach (var (pick, mode, day) in steps)
        {
            var (command, today) = Choose(state, pick, mode, day);
            var context = On(today);
            var decision = ApprovalRun.Decide(state, command, context);
            var next = decision is Decision.Accepted accepted ? accepted.Events.Aggregate(state, ApprovalRun.Apply) : state;
            if (decision is Decision.Accepted { Events: var events }) history.AddRange(events);
            check(state, command, context, decision, next);
            state = next;
        }
        return history;
    }

    private static (RunCommand, LocalDate) Choose(RunState state, int pick, int mode, int day)
    {
        if (mode == 0) return (Pool[pick % Pool.Length].Command, Days[day]); // any command, any day
        if (mode == 1) return Pool[pick % Pool.Length];                      // any command, its day
        bool Ends(RunCommand c) => c is WithdrawPlan or CancelRun;
        bool Decides(RunCommand c) => c is not (ScheduleMeeting or CancelMeeting or WithdrawPlan or CancelRun);
        var moving = Pool
            .Where(p => mode == 2 || !Ends(p.Command))
            .Where(p => mode < 20 || Decides(p.Command))                          // half the steps prefer a decision
            .Where(p => ApprovalRun.Decide(state, p.Command, On(p.Today)) is Decision.Accepted { Events.Count: > 0 })
            .ToList();
        if (moving.Count == 0 && mode >= 20) return Choose(state, pick, 3, day);
        return moving.Count > 0 ? moving[pick % moving.Count] : Pool[pick % Pool.Length];
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(), ProcedureJson.Options);

    [Fact]
    public void An_ended_run_never_changes()
    {
        Steps.Sample(steps => Play(steps, (before, command, _, decision, after) =>
        {
            if (!before.IsEnded) return;
            if (decision is Decision.Refused refused) Assert.Equal(RefusalKind.RunEnded, refused.Refusal.Kind);
            else Assert.Empty(((Decision.Accepted)decision).Events);
            Assert.Same(before, after);
        }), iter: Iterations, threads: Threads);
    }

    [Fact]
    public void Refusals_say_why_and_what_the_run_expects_and_only_an_ended_run_refuses_as_ended()
    {
        Steps.Sample(steps => Play(steps, (before, _, _, decision, _) =>
        {
            if (decision is not Decision.Refused { Refusal: var refusal }) return;
            Assert.False(string.IsNullOrWhiteSpace(refusal.Reason));
            Assert.False(string.IsNullOrWhiteSpace(refusal.Expected));
            Assert.Equal(before.IsEnded, refusal.Kind == RefusalKind.RunEnded);
        }), iter: Iterations, threads: Threads);
    }

    [Fact]
    public void A_plan_is_adopted_only_by_a_recorded_vote_and_after_a_referral_only_after_the_period_and_every_insist_vote()
    {
        Steps.Sample(steps => Play(steps, (_, _, _, _, after) =>
        {
            if (after.Status != RunStatus.Adopted) return;
            var council = after.FullCouncilStage!;
            Assert.All(after.Stages.Take(after.Stages.Count - 1), s => Assert.Contains(after.CompletedStages, c => c.StageId == s.Id));
            if (after.Referral is not { } referral)
            {
                Assert.Contains(after.Decisions, d => d.Motion == Motion.DecideOnPlan && d.Outcome == DecisionOutcome.Adopted && d.Vote is not null);
                Assert.Empty(after.AmendmentsApplied);
                return;
            }
            var final = Assert.Single(after.Decisions, d => d.Motion == Motion.AdoptRevisedPlan);
            Assert.Equal(DecisionOutcome.Adopted, final.Outcome);
            Assert.True(final.DecidedOn >= referral.CouncilMayDecideFrom);
            Assert.True(referral.PeriodEnded);
            Assert.All(after.Amendments, a => Assert.True(a.IsAnswered));
            Assert.All(after.Amendments.Where(a => a.Response is ExecutiveResponse.NotAccepted), a => Assert.NotNull(a.Insist));
            Assert.Equal(
                after.Amendments.Select(a => a.Applied).OfType<AppliedAmendment>().OrderBy(a => a.Number),
                after.AmendmentsApplied);
            Assert.Equal(council.Id, final.StageId);
        }), iter: Iterations, threads: Threads);
    }

    [Fact]
    public void Every_decision_is_at_a_standing_meeting_of_its_stage_on_the_meetings_date_once_per_motion_and_in_stage_order()
    {
        Steps.Sample(steps => Play(steps, (_, _, _, _, after) =>
        {
            foreach (var decision in after.Decisions)
            {
                var meeting = after.FindMeeting(decision.MeetingId);
                Assert.NotNull(meeting);
                Assert.False(meeting.IsCancelled);
                Assert.Equal(decision.StageId, meeting.StageId);
                Assert.Equal(meeting.Date, decision.DecidedOn);
                if (decision.Motion is Motion.InsistOnAmendment or Motion.AdoptRevisedPlan)
                    Assert.True(decision.DecidedOn >= after.Referral!.CouncilMayDecideFrom);
            }
            Assert.Equal(after.Decisions.Count, after.Decisions.Select(d => (d.MeetingId, d.Motion, d.AmendmentNumber)).Distinct().Count());
            var order = after.CompletedStages.Select(c => after.Stages.ToList().FindIndex(s => s.Id == c.StageId)).ToList();
            Assert.Equal(order.Order(), order);
            Assert.Equal(order.Distinct(), order);
            Assert.Equal(after.CompletedStages.Select(c => c.CompletedOn).Order(), after.CompletedStages.Select(c => c.CompletedOn));
            Assert.All(after.Amendments.Where(a => a.Insist is not null), a => Assert.IsType<ExecutiveResponse.NotAccepted>(a.Response));
            if (after.Status is RunStatus.ReferredBack or RunStatus.AwaitingFinalDecision) Assert.NotNull(after.Referral);
            if (after.Status == RunStatus.AwaitingFinalDecision) Assert.All(after.Amendments, a => Assert.True(a.IsAnswered));
        }), iter: Iterations, threads: Threads);
    }

    [Fact]
    public void Decide_and_Apply_are_deterministic_and_the_record_read_back_from_JSON_folds_to_the_same_state()
    {
        Steps.Sample(steps =>
        {
            RunState last = RunState.Initial;
            var history = Play(steps, (before, command, context, decision, after) =>
            {
                Assert.Equal(Json(decision), Json(ApprovalRun.Decide(before, command, context)));
                last = after;
            });
            var read = JsonSerializer.Deserialize<List<RunEvent>>(JsonSerializer.Serialize(history, ProcedureJson.Options), ProcedureJson.Options)!;
            Assert.Equal(Json(last), Json(RunState.Fold(read)));
            Assert.Equal(Json(RunState.Fold(history)), Json(RunState.Fold(history)));
        }, iter: Iterations, threads: Threads);
    }

    [Fact]
    public void The_guided_sequences_reach_adoption_after_a_referral()
    {
        // Guards the generator: if no sequence got this deep, the properties above would prove little.
        var reached = 0;
        Steps.Sample(steps =>
        {
            RunState last = RunState.Initial;
            Play(steps, (_, _, _, _, after) => last = after);
            if (last.Status == RunStatus.Adopted && last.Referral is not null) reached++;
        }, iter: 300, threads: Threads);
        Assert.True(reached >= 3, $"Only {reached} of 300 random sequences reached adoption after a referral.");
    }
}
