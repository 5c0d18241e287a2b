namespace ApprovalWorkflow.Procedure;

/// <summary>
/// The fewest members a body needs present for a vote to count, as a fraction of the whole number
/// of its members, rounded up: Full Council's quorum is one quarter of the whole number of members,
/// so a council of 45 needs 12 present (11¼ rounded up).
/// </summary>
/// <remarks>
/// The fraction must lie between 0/1 (<see cref="None"/>) and 1/1 with a positive denominator; the
/// constructor throws <see cref="ArgumentOutOfRangeException"/> naming the argument otherwise.
/// Fractions are not reduced, so 2/8 and 1/4 require the same number but are different values.
/// </remarks>
/// <param name="Numerator">The share of members required, 0 or more and not above the denominator.</param>
/// <param name="Denominator">Positive.</param>
public sealed record Quorum(int Numerator, int Denominator)
{
    // Denominator first: initializers run in this order, so its check comes first.
    /// <summary>The denominator: positive.</summary>
    public int Denominator { get; } = Denominator > 0
        ? Denominator
        : throw new ArgumentOutOfRangeException(nameof(Denominator), Denominator, "denominator must be positive");

    /// <summary>The numerator: 0 or more, not above <see cref="Denominator"/>.</summary>
    public int Numerator { get; } = Numerator >= 0 && Numerator <= Denominator
        ? Numerator
        : throw new ArgumentOutOfRangeException(
            nameof(Numerator), Numerator,
            $"numerator must be between 0 and the denominator ({Denominator}): a quorum is at most the whole body");

    /// <summary>Full Council: one quarter of the whole number of members.</summary>
    public static Quorum OneQuarter { get; } = new(1, 4);

    /// <summary>No quorum (0/1): any number present, even none, may vote.</summary>
    public static Quorum None { get; } = new(0, 1);

    /// <summary>
    /// The members who must be present: <see cref="Numerator"/>/<see cref="Denominator"/> of
    /// <paramref name="wholeNumberOfMembers"/>, rounded up (one quarter of 45 is 12; of 44, 11).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="wholeNumberOfMembers"/> is negative.</exception>
    public int RequiredOf(int wholeNumberOfMembers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wholeNumberOfMembers);
        long product = (long)wholeNumberOfMembers * Numerator;
        return (int)((product + Denominator - 1) / Denominator);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Numerator}/{Denominator}";
}
