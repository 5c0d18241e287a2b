using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ApprovalWorkflow.Http;

/// <summary>The roles of PROCEDURE.md: who may do what.</summary>
public enum Role { DemocraticServices, Clerk, Executive, Member }

/// <summary>Who is calling: a name for the record and the roles they hold.</summary>
public sealed record Caller(string Name, IReadOnlySet<Role> Roles)
{
    public bool Has(Role role) => Roles.Contains(role);
}

/// <summary>
/// Finds the caller of a request. In Azure (<c>Auth:Mode</c> = <c>AppService</c>) App Service
/// authentication has already checked the token and passes the principal, with its Entra ID app roles,
/// in the <c>X-MS-CLIENT-PRINCIPAL</c> header. Locally, keys from configuration
/// (<c>Auth:Keys:{key}</c> = <c>Role</c> or <c>Role:Name</c>) map to roles, with one development key per role
/// when none is configured.
/// </summary>
public sealed class Callers
{
    public static readonly IReadOnlyDictionary<string, string> DevelopmentKeys = new Dictionary<string, string>
    {
        ["local-democratic-services"] = "DemocraticServices:Democratic Services (local)",
        ["local-clerk"] = "Clerk:Committee clerk (local)",
        ["local-executive"] = "Executive:The Executive (local)",
        ["local-member"] = "Member:A member (local)",
    };

    readonly bool appService;
    readonly Dictionary<string, Caller> byKey = new(StringComparer.Ordinal);

    public Callers(IConfiguration configuration)
    {
        var auth = configuration.GetSection("Auth");
        appService = string.Equals(auth["Mode"], "AppService", StringComparison.OrdinalIgnoreCase);
        var configured = auth.GetSection("Keys").GetChildren().ToDictionary(k => k.Key, k => k.Value ?? "");
        foreach (var (key, value) in configured.Count > 0 ? configured : DevelopmentKeys)
        {
            string[] parts = value.Split(':', 2);
            if (!Enum.TryParse<Role>(parts[0], ignoreCase: true, out var role))
            {
                throw new InvalidOperationException(
                    $"Setting Auth:Keys:{key} is '{value}': it must be a role ({string.Join(", ", Enum.GetNames<Role>())}), optionally followed by ':' and a name.");
            }

            byKey[key] = new Caller(parts.Length > 1 ? parts[1] : role.ToString(), new HashSet<Role> { role });
        }
    }

    public Caller? Identify(HttpRequest request)
    {
        if (appService)
        {
            return FromAppServicePrincipal(request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString());
        }

        string key = request.Headers["X-Api-Key"].ToString();
        return key.Length > 0 && FindKey(key) is { } caller ? caller : null;
    }

    Caller? FindKey(string key)
    {
        // Compare in constant time so the time taken does not reveal how much of a key is right.
        byte[] offered = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        foreach (var (known, caller) in byKey)
        {
            if (CryptographicOperations.FixedTimeEquals(offered, SHA256.HashData(Encoding.UTF8.GetBytes(known))))
            {
                return caller;
            }
        }

        return null;
    }

    static Caller? FromAppServicePrincipal(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header));
            string roleClaim = json.RootElement.TryGetProperty("role_typ", out var rt) ? rt.GetString() ?? "roles" : "roles";
            string nameClaim = json.RootElement.TryGetProperty("name_typ", out var nt) ? nt.GetString() ?? "name" : "name";
            var roles = new HashSet<Role>();
            string name = "unknown";
            foreach (var claim in json.RootElement.GetProperty("claims").EnumerateArray())
            {
                string type = claim.GetProperty("typ").GetString() ?? "";
                string value = claim.GetProperty("val").GetString() ?? "";
                if ((type == roleClaim || type == "roles") && Enum.TryParse<Role>(value, ignoreCase: true, out var role))
                {
                    roles.Add(role);
                }
                else if (type == nameClaim || type == "name" || type == "preferred_username")
                {
                    name = value;
                }
            }

            return new Caller(name, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
