using System.Reflection;
using System.Reflection.Emit;

namespace ApprovalWorkflow.Procedure.Tests.Run;

/// <summary>
/// Nothing in ApprovalWorkflow.Procedure reads a clock, does I/O, or refers to Azure, Durable Task or ASP.NET Core:
/// checked on the compiled IL of every method of every type in the namespace (lambdas and iterators included).
/// </summary>
public sealed class PurityTests
{
    private static readonly string[] ForbiddenNamespaces =
        ["Azure", "Microsoft.Azure", "Microsoft.DurableTask", "Microsoft.AspNetCore", "System.IO", "System.Net", "SendGrid", "Ical"];

    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow",
        "NodaTime.SystemClock.get_Instance", "System.TimeProvider.get_System", "System.Environment.get_TickCount",
        "System.Random..ctor", "System.Random.get_Shared", "System.Guid.NewGuid",
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void The_procedure_reads_no_clock_and_refers_to_no_host_or_IO()
    {
        var types = typeof(ApprovalRun).Assembly.GetTypes()
            .Where(t => t.Namespace == "ApprovalWorkflow.Procedure")
            .ToList();
        Assert.Contains(typeof(ApprovalRun), types);

        var offences = new List<string>();
        foreach (var type in types)
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
            foreach (var method in methods)
            {
                foreach (var used in MembersUsedBy(method))
                {
                    var owner = used.DeclaringType;
                    var name = $"{owner?.FullName}.{used.Name}";
                    if (ForbiddenMembers.Contains(name) || ForbiddenNamespaces.Any(n => owner?.Namespace?.StartsWith(n, StringComparison.Ordinal) == true))
                        offences.Add($"{type.FullName}.{method.Name} uses {name}");
                }
            }
            foreach (var member in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            {
                if (ForbiddenNamespaces.Any(n => member.FieldType.Namespace?.StartsWith(n, StringComparison.Ordinal) == true))
                    offences.Add($"{type.FullName}.{member.Name} is a {member.FieldType.FullName}");
            }
        }
        Assert.Empty(offences);
    }

    [Fact]
    public void The_IL_reader_sees_a_clock_where_there_is_one()
    {
        var used = MembersUsedBy(typeof(PurityTests).GetMethod(nameof(ReadsTheClock), BindingFlags.NonPublic | BindingFlags.Static)!);
        Assert.Contains(used, m => m.DeclaringType == typeof(DateTime) && m.Name == "get_UtcNow");
    }

    private static DateTime ReadsTheClock() => DateTime.UtcNow;

    /// <summary>The methods, constructors and fields a method's IL refers to.</summary>
    private static IEnumerable<MemberInfo> MembersUsedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE) value = (short)(0xFE00 | il[position++]);
            var opCode = OpCodesByValue[value];
            var operandSize = opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
                _ => 4,
            };
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try
                {
                    member = module.ResolveMember(BitConverter.ToInt32(il, position), typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    // A token that does not resolve in this generic context; not a clock or a host type we could name.
                }
                if (member is not null) yield return member;
            }
            position += operandSize;
        }
    }
}
