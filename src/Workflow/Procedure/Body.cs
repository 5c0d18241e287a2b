namespace ApprovalWorkflow.Procedure;

/// <summary>
/// A person who sits on a body: a councillor or a partnership board member.
/// </summary>
/// <remarks>The id and name must not be blank and the email must contain '@'; the constructor and
/// <c>with</c> throw <see cref="ArgumentException"/> naming the property otherwise.</remarks>
/// <param name="Id">Stable identifier, unique within a body; compared exactly (ordinal).</param>
/// <param name="Name">Name as the council writes it, e.g. "Cllr Rachael Saunders".</param>
/// <param name="Email">Where dates and decisions are sent.</param>
public sealed record Member(string Id, string Name, string Email)
{
    /// <summary>Stable identifier, never blank.</summary>
    public string Id { get; init => field = Text.NotBlank(value, nameof(Id)); } = Text.NotBlank(Id, nameof(Id));

    /// <summary>The member's name, never blank.</summary>
    public string Name { get; init => field = Text.NotBlank(value, nameof(Name)); } = Text.NotBlank(Name, nameof(Name));

    /// <summary>The member's email address, containing '@'.</summary>
    public string Email { get; init => field = Text.EmailAddress(value, nameof(Email)); } = Text.EmailAddress(Email, nameof(Email));
}

/// <summary>
/// A decision-making body: Full Council, Cabinet, Overview and Scrutiny, a partnership board. Its
/// members are the whole number of members its quorum is worked out from.
/// </summary>
/// <remarks>
/// <para>The id and name must not be blank, the members must not be null nor contain a null or the
/// same member id twice, and the quorum must not be null; the constructor and <c>with</c> throw
/// <see cref="ArgumentException"/> naming the property otherwise. The members are copied, so
/// changing the list passed in changes nothing.</para>
/// <para>Equality compares the members in order, not the list instance.</para>
/// </remarks>
/// <param name="Id">Stable identifier, e.g. "full-council".</param>
/// <param name="Name">Name as the council writes it, e.g. "Full Council".</param>
/// <param name="Members">Everyone who sits on the body.</param>
/// <param name="Quorum">Share of the members who must be present for a vote to count.</param>
public sealed record Body(string Id, string Name, IReadOnlyList<Member> Members, Quorum Quorum)
{
    /// <summary>Stable identifier, never blank.</summary>
    public string Id { get; init => field = Text.NotBlank(value, nameof(Id)); } = Text.NotBlank(Id, nameof(Id));

    /// <summary>The body's name, never blank.</summary>
    public string Name { get; init => field = Text.NotBlank(value, nameof(Name)); } = Text.NotBlank(Name, nameof(Name));

    /// <summary>Everyone who sits on the body, each member id once.</summary>
    public IReadOnlyList<Member> Members { get; init => field = CopyMembers(value); } = CopyMembers(Members);

    /// <summary>Share of the members who must be present for a vote to count.</summary>
    public Quorum Quorum
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Quorum), "quorum must be given (Quorum.None for no quorum)");
    } = Quorum ?? throw new ArgumentNullException(nameof(Quorum), "quorum must be given (Quorum.None for no quorum)");

    /// <summary>True when a member with exactly this id (ordinal comparison) sits on the body.</summary>
    public bool HasMember(string memberId) => Members.Any(member => string.Equals(member.Id, memberId, StringComparison.Ordinal));

    /// <inheritdoc />
    public bool Equals(Body? other) =>
        other is not null
        && Id == other.Id
        && Name == other.Name
        && Quorum == other.Quorum
        && Members.SequenceEqual(other.Members);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Quorum, Members.Count);

    private static IReadOnlyList<Member> CopyMembers(IReadOnlyList<Member> members)
    {
        ArgumentNullException.ThrowIfNull(members, nameof(Members));
        var copy = members.ToArray();
        if (copy.Any(member => member is null))
        {
            throw new ArgumentException("members must not contain null entries", nameof(Members));
        }
        var twice = copy.GroupBy(member => member.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"members must each appear once: member id '{twice.Key}' is listed {twice.Count()} times", nameof(Members));
        }
        return Array.AsReadOnly(copy);
    }
}

/// <summary>Checks for the text properties of procedure records.</summary>
internal static class Text
{
    internal static string NotBlank(string value, string name) =>
        !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"{name} must not be blank", name);

    internal static string EmailAddress(string value, string name) =>
        !string.IsNullOrWhiteSpace(value) && value.Contains('@')
            ? value
            : throw new ArgumentException($"{name} must be an email address containing '@', not '{value}'", name);
}
