using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace ApprovalWorkflow.Procedure;

/// <summary>
/// The JSON shape of commands, events and states: camelCase properties, the "type" discriminator on
/// <see cref="RunCommand"/>, <see cref="RunEvent"/> and <see cref="ExecutiveResponse"/>, NodaTime values in ISO form
/// ("2012-06-25", "19:00:00"), enums as camelCase strings, and a <see cref="VotingThreshold"/> as its name
/// (its own <see cref="VotingThresholdJsonConverter"/>).
/// </summary>
public static class ProcedureJson
{
    /// <summary>The options every reader and writer of the run's record uses. Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A fresh, writable copy of <see cref="Options"/>, to extend.</summary>
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        // Enums are written as the domain spells them (e.g. "DirectlyElectedMayor", "InsistedOnByCouncil"), like the run status.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    static ProcedureJson() => Options.MakeReadOnly();
}
