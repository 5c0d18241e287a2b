using NodaTime;

namespace ApprovalWorkflow.Procedure;

/// <summary>How the council's executive is arranged; it decides who may insist on an amendment and how.</summary>
public enum ExecutiveArrangement
{
    /// <summary>A directly elected Mayor: insisting on an amendment needs two-thirds of the members present and voting.</summary>
    DirectlyElectedMayor,

    /// <summary>A Leader and Cabinet: the law asks a simple majority to insist; the run's rules say which applies.</summary>
    LeaderAndCabinet,
}

/// <summary>
/// The rules of one approval run.
/// <paramref name="InsistThreshold"/> is the threshold for Council to insist on an amendment the Executive did
/// not accept (two-thirds of those present and voting by default, as in the seeds).
/// A budget run (<paramref name="IsBudget"/>) needs a named vote for every Cabinet and Full Council decision
/// (SI 2014/165) and <see cref="FinancialYearStarting"/>: the year Y whose financial year starts on 1 April Y;
/// the council tax must be set before 11 March Y, which the run warns about and never enforces.
/// </summary>
public sealed record RunRules(ExecutiveArrangement Executive, VotingThreshold InsistThreshold, bool IsBudget)
{
    /// <summary>For a budget run, the calendar year Y in which the financial year being budgeted starts (1 April Y).</summary>
    public int? FinancialYearStarting { get; init; }

    /// <summary>Named votes are needed at every Cabinet and Full Council decision of a budget run.</summary>
    public bool NamedVotesRequired => IsBudget;

    /// <summary>11 March of the year the budgeted financial year starts; null unless a budget run with its year.</summary>
    public LocalDate? CouncilTaxSettingDeadline =>
        IsBudget && FinancialYearStarting is int year ? new LocalDate(year, 3, 11) : null;

    /// <summary>The rules of a plan run; the insist threshold is two-thirds unless given.</summary>
    public static RunRules ForPlan(ExecutiveArrangement executive, VotingThreshold? insistThreshold = null) =>
        new(executive, insistThreshold ?? VotingThreshold.TwoThirdsOfPresentAndVoting, IsBudget: false);

    /// <summary>The rules of a budget run for the financial year starting 1 April <paramref name="financialYearStarting"/>.</summary>
    public static RunRules ForBudget(ExecutiveArrangement executive, int financialYearStarting, VotingThreshold? insistThreshold = null) =>
        new(executive, insistThreshold ?? VotingThreshold.TwoThirdsOfPresentAndVoting, IsBudget: true)
        {
            FinancialYearStarting = financialYearStarting,
        };

    /// <summary>What makes these rules unusable; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (InsistThreshold is null) problems.Add("The rules need the threshold for insisting on an amendment.");
        if (IsBudget && FinancialYearStarting is null)
            problems.Add("A budget run needs the year its financial year starts (1 April), to warn about the 11 March deadline for setting the council tax.");
        if (FinancialYearStarting is < 1990 or > 2200)
            problems.Add($"The financial year starting in {FinancialYearStarting} is not plausible.");
        return problems;
    }
}
