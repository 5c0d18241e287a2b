using System.Text.Json.Serialization;
using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>An amendment (an objection) Council agreed at the meeting that referred the plan back.</summary>
public sealed record Amendment(int Number, string Mover, string Seconder, string Text);

/// <summary>The Executive's answer to one of Council's amendments: a closed set.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Accepted), "accepted")]
[JsonDerivedType(typeof(AcceptedWithModification), "accepted-with-modification")]
[JsonDerivedType(typeof(NotAccepted), "not-accepted")]
public abstract record ExecutiveResponse
{
    private ExecutiveResponse() { }

    /// <summary>The text Council's final decision applies when this response stands; null when not accepted.</summary>
    public abstract string? AppliedText(Amendment amendment);

    /// <summary>The Executive accepts the amendment as Council worded it; it is part of the revised draft.</summary>
    public sealed record Accepted : ExecutiveResponse
    {
        public override string? AppliedText(Amendment amendment) => amendment.Text;
    }

    /// <summary>The Executive accepts the amendment in a modified wording, which is part of the revised draft.</summary>
    public sealed record AcceptedWithModification(string ModifiedText) : ExecutiveResponse
    {
        public override string? AppliedText(Amendment amendment) => ModifiedText;
    }

    /// <summary>The Executive does not accept the amendment, for these reasons; Council may insist on it.</summary>
    public sealed record NotAccepted(string Reasons) : ExecutiveResponse
    {
        public override string? AppliedText(Amendment amendment) => null;
    }
}

/// <summary>The Executive's response to amendment <paramref name="AmendmentNumber"/>.</summary>
public sealed record AmendmentResponse(int AmendmentNumber, ExecutiveResponse Response);

/// <summary>What Cabinet decided to do with the plan.</summary>
public enum CabinetDecision
{
    /// <summary>Recommend the plan to Full Council; the vote (if any) on the motion to recommend was carried.</summary>
    Recommend,

    /// <summary>Send the plan back for revision; the vote (if any) on the motion to recommend was lost.</summary>
    SendBack,
}

/// <summary>Why an amendment is part of the adopted plan.</summary>
public enum AppliedBecause
{
    AcceptedByExecutive,
    AcceptedWithModification,
    InsistedOnByCouncil,
}

/// <summary>An amendment in the plan as adopted, with the wording applied.</summary>
public sealed record AppliedAmendment(int Number, string Text, AppliedBecause Because);
