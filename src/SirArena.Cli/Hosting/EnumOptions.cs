using System.CommandLine;

namespace SirArena.Cli.Hosting;

/// <summary>
/// Options that take one of an enum's names in lower case, refused at parse time like <see cref="NumberOptions"/>
/// with a message naming the flag and the names it takes. A number is refused too, although an enum parses one.
/// </summary>
public static class EnumOptions
{
    /// <summary>A name with a default used when the flag is absent.</summary>
    public static Option<T> WithDefault<T>(string name, string description, T defaultValue) where T : struct, Enum
    {
        string[] names = [.. Enum.GetNames<T>().Select(n => n.ToLowerInvariant())];
        return new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join("|", names),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                string given = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (Enum.TryParse<T>(given, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(given, out _)) return value;
                r.AddError(NumberOptions.Message(name, $"one of {string.Join(", ", names)}", given));
                return defaultValue;
            },
        };
    }
}
