using System.Text.Json;
using static ApprovalWorkflow.Procedure.Tests.Run.Kit;
using static ApprovalWorkflow.Procedure.Tests.Run.Stories;

namespace ApprovalWorkflow.Procedure.Tests.Run;

public sealed class DocumentVersionTests
{
    const string ShaA = "8b1a9953c4611296a827abf8c47804d7e6c49c6b2a1e1f1c5c0f2f7d3e3b6a11";
    const string ShaB = "0d6f0a6a8f0c6f3c9b1e2a7d4c5b6a79880f1e2d3c4b5a69788f1e2d3c4b5a60";

    static AddDocumentVersion Draft(string upload, string sha = ShaA) =>
        new(DocumentKind.DraftPlan, $"run-1/draft-plan/{upload}", sha, 130_284, "text/plain", "003.txt");

    static Given Started => Given.Nothing.And(D(2017, 5, 2), new StartRun("Community Safety Partnership Plan 2017-21", StageTemplates.PartnershipPlan, MayorsRules));

    [Fact]
    public void The_first_draft_is_version_1_and_the_next_is_version_2()
    {
        Started.When(D(2017, 5, 3), Draft("u1"))
            .ThenEvents(new DocumentVersionAdded(DocumentKind.DraftPlan, 1, "run-1/draft-plan/u1", ShaA, 130_284, "text/plain", "003.txt", D(2017, 5, 3)));

        var state = Started.And(D(2017, 5, 3), Draft("u1")).And(D(2017, 5, 4), Draft("u2", ShaB))
            .And(D(2017, 5, 4), new AddDocumentVersion(DocumentKind.CabinetReport, "run-1/cabinet-report/u3", ShaA, 96_311, "text/plain"))
            .State;
        Assert.Equal([(DocumentKind.DraftPlan, 1), (DocumentKind.DraftPlan, 2), (DocumentKind.CabinetReport, 1)],
            state.Documents.Select(d => (d.Kind, d.Version)));
    }

    [Fact]
    public void The_same_blob_again_records_nothing_and_the_same_blob_with_another_hash_is_refused()
    {
        var given = Started.And(D(2017, 5, 3), Draft("u1"));
        given.When(D(2017, 5, 3), Draft("u1")).ThenNothingNew();
        given.When(D(2017, 5, 3), Draft("u1", ShaB)).Refused(RefusalKind.BreaksRule);
    }

    [Fact]
    public void An_ended_run_takes_no_new_document_but_answers_a_retry()
    {
        var ended = Started.And(D(2017, 5, 3), Draft("u1")).And(D(2017, 5, 4), new CancelRun("Superseded by the 2018 plan"));
        var refusal = ended.When(D(2017, 5, 5), Draft("u2", ShaB)).Refused(RefusalKind.RunEnded);
        Assert.Contains("ended", refusal.Reason);
        ended.When(D(2017, 5, 5), Draft("u1")).ThenNothingNew();
    }

    [Fact]
    public void A_run_that_has_not_started_takes_no_document()
    {
        Given.Nothing.When(D(2017, 5, 3), Draft("u1")).Refused(RefusalKind.WrongStage);
    }

    [Theory]
    [InlineData("not-a-hash", 10, "SHA-256")]
    [InlineData(ShaA, 0, "empty")]
    public void A_version_needs_a_hash_and_content(string sha, long size, string mentions)
    {
        var refusal = Started.When(D(2017, 5, 3), Draft("u1", sha) with { Size = size }).Refused(RefusalKind.BreaksRule);
        Assert.Contains(mentions, refusal.Reason);
    }

    static readonly StageTemplate CabinetAndCouncil = new("custom",
    [
        new Stage("cabinet", "Cabinet", StageKind.Cabinet, "cabinet"),
        new Stage("full-council", "Full Council", StageKind.FullCouncil, "full-council"),
    ]);

    static Given AtCabinet => Given.Nothing
        .And(D(2012, 5, 1), new StartRun("Community Safety Plan 2012-13", CabinetAndCouncil, MayorsRules))
        .And(D(2012, 5, 1), new ScheduleMeeting("cabinet-2012-06-06", "cabinet", D(2012, 6, 6)));

    [Fact]
    public void Cabinet_cannot_recommend_a_plan_the_run_holds_no_draft_of_but_may_send_it_back()
    {
        var refusal = AtCabinet.When(D(2012, 6, 6), new RecordCabinetDecision("cabinet-2012-06-06", CabinetDecision.Recommend)).Refused(RefusalKind.BreaksRule);
        Assert.Contains("upload a draft plan first", refusal.Reason);
        AtCabinet.When(D(2012, 6, 6), new RecordCabinetDecision("cabinet-2012-06-06", CabinetDecision.SendBack)).Single<SentBackForRevision>();
        AtCabinet.And(D(2012, 6, 1), Draft("u1"))
            .When(D(2012, 6, 6), new RecordCabinetDecision("cabinet-2012-06-06", CabinetDecision.Recommend)).Single<RecommendedToCouncil>();
    }

    [Fact]
    public void Full_Council_cannot_decide_on_a_plan_the_run_holds_no_draft_of()
    {
        // A run recorded before the rule: Cabinet recommended with no draft on the record.
        var atCouncil = Given.Events([.. AtCabinet.History,
            new RecommendedToCouncil("cabinet", "cabinet-2012-06-06", D(2012, 6, 6), null, null),
            new MeetingScheduled(Council18June, "full-council", "full-council", D(2012, 6, 18), null, null, D(2012, 6, 8))]);
        foreach (RunCommand decision in new RunCommand[]
        {
            new AdoptPlan(Council18June, Votes(40, 20)), new RejectPlan(Council18June, Votes(20, 40)), Seed000Referral,
        })
        {
            Assert.Contains("upload a draft plan first", atCouncil.When(D(2012, 6, 18), decision).Refused(RefusalKind.BreaksRule).Reason);
        }

        // Cabinet's decision, repeated, is still answered as recorded.
        atCouncil.When(D(2012, 6, 18), new RecordCabinetDecision("cabinet-2012-06-06", CabinetDecision.Recommend)).ThenNothingNew();
    }

    [Fact]
    public void An_adoption_names_the_latest_draft_or_revised_draft()
    {
        var referred = Seed000ReferredBack();
        var revised = new AddDocumentVersion(DocumentKind.ExecutiveRevisedDraft, "run-1/executive-revised-draft/r1", ShaB, 65_673, "text/plain");
        var atFinal = referred
            .And(D(2012, 6, 19), new ScheduleMeeting(Council11July, "full-council", D(2012, 7, 11)))
            .And(D(2012, 7, 4), revised)
            .And(D(2012, 7, 4), Seed000Response)
            .And(D(2012, 7, 11), new RecordInsistVote(Council11July, 1, Votes(39, 21)));
        var adopted = atFinal.When(D(2012, 7, 11), new RecordFinalDecision(Council11July, Votes(41, 19))).Single<PlanAdopted>();
        Assert.Equal(new DocumentRef(DocumentKind.ExecutiveRevisedDraft, 1, ShaB), adopted.AdoptedVersion);

        var first = Seed000AtCouncil().And(D(2012, 6, 10), Draft("u2", ShaB))
            .When(D(2012, 6, 18), new AdoptPlan(Council18June, Votes(40, 20))).Single<PlanAdopted>();
        Assert.Equal(new DocumentRef(DocumentKind.DraftPlan, 2, ShaB), first.AdoptedVersion);
    }

    [Fact]
    public void The_decision_notice_of_seed_000_names_the_version_the_amendment_and_the_votes()
    {
        var adoption = Seed000AtFinalMeeting()
            .And(D(2012, 7, 11), new RecordInsistVote(Council11July, 1, Votes(40, 20)))
            .When(D(2012, 7, 11), new RecordFinalDecision(Council11July, Votes(41, 19))).Accepted();
        var adopted = adoption.Events.Aggregate(Seed000AtFinalMeeting().And(D(2012, 7, 11), new RecordInsistVote(Council11July, 1, Votes(40, 20))).State, ApprovalRun.Apply);
        string text = DecisionNotice.Text(adopted, adoption.Events.OfType<PlanAdopted>().Single());

        Assert.StartsWith("DECISION NOTICE\n\nCommunity Safety Plan 2012-13\n", text);
        Assert.Contains("Full Council adopted the plan at its meeting on 11 July 2012 (meeting \"council-2012-07-11\"), after the Executive's reconsideration.", text);
        Assert.Contains($"draft-plan, version 1, SHA-256 {Seed003Sha256} (\"003_a5c89fc4caa28a3d.txt\")", text);
        Assert.Contains("Amendment 1, insisted on by Council (moved by Councillor Abdal Ullah, seconded by Councillor Judith Gardiner):", text);
        Assert.Contains("    Delete the second bullet point on page 31", text);
        Assert.Contains("18 June 2012, the decision on the plan: referred back to the Executive, 40 for, 18 against, 2 abstaining (60 present).", text);
        Assert.Contains("11 July 2012, insisting on amendment 1: insisted, 40 for, 20 against, 0 abstaining (60 present).", text);
        Assert.Contains("11 July 2012, adopting the plan after reconsideration: adopted, 41 for, 19 against, 0 abstaining (60 present).", text);
        Assert.Equal("decision-notice-2012-07-11.txt", DecisionNotice.FileName(adoption.Events.OfType<PlanAdopted>().Single()));
    }

    [Fact]
    public void Kinds_are_kebab_case_in_json()
    {
        string json = JsonSerializer.Serialize<RunEvent>(
            new DocumentVersionAdded(DocumentKind.ExecutiveRevisedDraft, 1, "b", ShaA, 1, "text/plain", null, D(2012, 7, 4)), ProcedureJson.Options);
        Assert.Contains("\"type\":\"document-version-added\"", json);
        Assert.Contains("\"kind\":\"executive-revised-draft\"", json);
        var back = Assert.IsType<DocumentVersionAdded>(JsonSerializer.Deserialize<RunEvent>(json, ProcedureJson.Options));
        Assert.Equal(DocumentKind.ExecutiveRevisedDraft, back.Kind);
        Assert.Equal("add-document-version",
            JsonDocument.Parse(JsonSerializer.Serialize<RunCommand>(Draft("u1"), ProcedureJson.Options)).RootElement.GetProperty("type").GetString());
        Assert.True(DocumentKinds.TryParse("decision-notice", out var kind));
        Assert.Equal(DocumentKind.DecisionNotice, kind);
        Assert.False(DocumentKinds.TryParse("DecisionNotice", out _));
    }
}
