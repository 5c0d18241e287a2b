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
