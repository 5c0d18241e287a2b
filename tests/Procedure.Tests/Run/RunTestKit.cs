using System.Text.Json;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>Dates, bodies, votes and assertions shared by the run's tests.</summary>
internal static class Kit
{
    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    public static Body MakeBody(string id, string name, int members, Quorum quorum) =>
        new(id, name,
            Enumerable.Range(1, members).Select(i => new Member($"{id}-{i}", $"Member {i} of {name}", $"{id}-{i}@example.org")).ToList(),
            quorum);

    /// <summary>The bodies of the default templates; Full Council has 64 members and a quorum of one quarter (16).</summary>
    public static IReadOnlyDictionary<string, Body> Bodies { get; } = new[]
    {
        MakeBody("csp", "Community Safety Partnership", 20, Quorum.OneQuarter),
        MakeBody("csp-executive", "Community Safety Partnership Executive", 12, Quorum.OneQuarter),
        MakeBody("overview-and-scrutiny", "Overview and Scrutiny Committee", 9, Quorum.OneQuarter),
        MakeBody("cabinet", "Cabinet", 10, Quorum.OneQuarter),
        MakeBody("full-council", "Full Council", 64, Quorum.OneQuarter),
    }.ToDictionary(b => b.Id);

    public static DecisionContext On(LocalDate today, IReadOnlyDictionary<string, Body>? bodies = null) =>
        new(today, Calendar, bodies ?? Bodies);

    /// <summary>A vote by counts; present defaults to everyone who voted or abstained.</summary>
    public static Vote Votes(int @for, int against, int abstain = 0, int? present = null, VoteChoice? casting = null) =>
        new(present ?? @for + against + abstain, @for, against, abstain, casting);

    /// <summary>A named vote of a body's first members: the first <paramref name="for"/> for, then against, then abstaining.</summary>
    public static Vote Named(string bodyId, int @for, int against, int abstain = 0, VoteChoice? casting = null)
    {
        var members = Bodies[bodyId].Members;
        var named = members.Take(@for).Select(m => new NamedVote(m.Id, VoteChoice.For))
            .Concat(members.Skip(@for).Take(against).Select(m => new NamedVote(m.Id, VoteChoice.Against)))
            .Concat(members.Skip(@for + against).Take(abstain).Select(m => new NamedVote(m.Id, VoteChoice.Abstain)))
            .ToList();
        return Vote.FromNames(@for + against + abstain, named, casting);
    }

    public static string Json(RunEvent e) => JsonSerializer.Serialize(e, ProcedureJson.Options);

    public static string Json(IEnumerable<RunEvent> events) => JsonSerializer.Serialize(events.ToList(), ProcedureJson.Options);

    public static Decision.Accepted Accepted(this Decision decision)
    {
        if (decision is Decision.Refused refused)
            Assert.Fail($"Expected the command to be accepted, but it was refused ({refused.Refusal.Kind}): {refused.Refusal.Reason} | {refused.Refusal.Expected}");
        return Assert.IsType<Decision.Accepted>(decision);
    }

    public static Refusal Refused(this Decision decision, RefusalKind kind)
    {
        if (decision is Decision.Accepted accepted)
            Assert.Fail($"Expected a {kind} refusal, but the command was accepted with {Json(accepted.Events)}");
        var refusal = Assert.IsType<Decision.Refused>(decision).Refusal;
        Assert.True(refusal.Kind == kind, $"Expected {kind} but was {refusal.Kind}: {refusal.Reason}");
        Assert.False(string.IsNullOrWhiteSpace(refusal.Reason));
        Assert.False(string.IsNullOrWhiteSpace(refusal.Expected));
        return refusal;
    }

    /// <summary>Then exactly these events, compared by their JSON.</summary>
    public static Decision.Accepted ThenEvents(this Decision decision, params RunEvent[] expected)
    {
        var accepted = decision.Accepted();
        Assert.Equal(Json(expected), Json(accepted.Events));
        return accepted;
    }

    /// <summary>Then accepted with no events: a repeat.</summary>
    public static void ThenNothingNew(this Decision decision) => Assert.Empty(decision.Accepted().Events);

    public static T Single<T>(this Decision decision) where T : RunEvent =>
        Assert.IsType<T>(Assert.Single(decision.Accepted().Events));
}

/// <summary>Given a history (events, or commands accepted on given days), when a command, then ...</summary>
internal sealed class Given
{
    private Given(IReadOnlyList<RunEvent> history)
    {
        History = history;
        State = RunState.Fold(history);
    }

    public IReadOnlyList<RunEvent> History { get; }

    public RunState State { get; }

    public static Given Nothing { get; } = new([]);

    public static Given Events(params RunEvent[] events) => new(events);

    /// <summary>This history and the events <paramref name="command"/> records on <paramref name="today"/> (it must be accepted).</summary>
    public Given And(LocalDate today, RunCommand command)
    {
        var accepted = ApprovalRun.Decide(State, command, Kit.On(today)).Accepted();
        return new([.. History, .. accepted.Events]);
    }

    public Decision When(LocalDate today, RunCommand command, IReadOnlyDictionary<string, Body>? bodies = null) =>
        ApprovalRun.Decide(State, command, Kit.On(today, bodies));

    /// <summary>The state after <paramref name="command"/> (which must be accepted).</summary>
    public RunState After(LocalDate today, RunCommand command) => And(today, command).State;
}
