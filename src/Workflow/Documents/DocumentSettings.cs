using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace ApprovalWorkflow.Documents;

/// <summary>Limits on uploaded documents, read and checked once at start.</summary>
public sealed class DocumentSettings
{
    /// <summary>100 MB: the largest document accepted when <c>Documents:MaxBytes</c> is not set.</summary>
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    /// <summary>The largest document accepted, in bytes (<c>Documents:MaxBytes</c>); a larger upload is answered 413.</summary>
    public required long MaxBytes { get; init; }

    public static DocumentSettings From(IConfiguration configuration)
    {
        string? text = configuration["Documents:MaxBytes"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DocumentSettings { MaxBytes = DefaultMaxBytes };
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long max) || max < 1)
        {
            throw new InvalidOperationException(
                $"Setting Documents:MaxBytes is '{text}': it must be a whole number of bytes of at least 1, e.g. 104857600 for 100 MB.");
        }

        return new DocumentSettings { MaxBytes = max };
    }
}
