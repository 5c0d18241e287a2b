using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ApprovalWorkflow;

/// <summary>
/// Reads a number from configuration, or stops the app at start with a message naming the setting, what
/// it holds and what it should hold. A missing value takes the default.
/// </summary>
public static class SettingValues
{
    public static int Whole(IConfigurationSection section, string key, int fallback, int min, int max, string what = "a whole number")
    {
        string? text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"Setting {section.Path}:{key} (environment {section.Path.Replace(":", "__")}__{key}) is '{text}': it must be {what} from {min} to {max}.");
    }

    public static double Seconds(IConfigurationSection section, string key, double fallback, double min, double max)
    {
        string? text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"Setting {section.Path}:{key} (environment {section.Path.Replace(":", "__")}__{key}) is '{text}': it must be a number of seconds from {min} to {max}.");
    }
}
