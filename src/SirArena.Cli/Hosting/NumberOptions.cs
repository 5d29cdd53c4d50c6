using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace SirArena.Cli.Hosting;

/// <summary>
/// Numeric options that parse and range-check their own value, so a bad one is refused at parse time (exit 2,
/// nothing written) with a message naming the flag and what it expects, not the parser's type name.
/// </summary>
public static class NumberOptions
{
    /// <summary>An optional number: null when the flag is absent.</summary>
    /// <param name="expected">what the message says is expected, e.g. "a whole number of rounds, 1 or more"</param>
    public static Option<T?> Optional<T>(string name, string description, string expected, Func<T, bool> allowed)
        where T : struct, INumber<T> =>
        new(name) { Description = description, CustomParser = r => Parse(r, name, expected, allowed) };

    /// <summary>A number with a default used when the flag is absent.</summary>
    public static Option<T> WithDefault<T>(string name, string description, string expected, Func<T, bool> allowed, T defaultValue)
        where T : struct, INumber<T> =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => Parse(r, name, expected, allowed) ?? defaultValue,
        };

    /// <summary>One or more numbers, each checked.</summary>
    public static Option<T[]> List<T>(string name, string description, string expected, Func<T, bool> allowed, T[] defaultValue)
        where T : struct, INumber<T> =>
        new(name)
        {
            Description = description,
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var values = new List<T>();
                foreach (var token in r.Tokens)
                {
                    if (!TryParse(token.Value, allowed, out var value))
                    {
                        r.AddError(Message(name, expected, token.Value));
                        return defaultValue;
                    }
                    values.Add(value);
                }
                return values.ToArray();
            },
        };

    static T? Parse<T>(ArgumentResult result, string name, string expected, Func<T, bool> allowed) where T : struct, INumber<T>
    {
        if (result.Tokens.Count != 1)
        {
            result.AddError($"{name}: expected one value, {expected}");
            return null;
        }
        string text = result.Tokens[0].Value;
        if (TryParse(text, allowed, out var value)) return value;
        result.AddError(Message(name, expected, text));
        return null;
    }

    static bool TryParse<T>(string text, Func<T, bool> allowed, out T value) where T : struct, INumber<T> =>
        T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && T.IsFinite(value) && allowed(value);

    /// <summary>The refusal every option builder gives: the flag, what it expects and what it got.</summary>
    internal static string Message(string name, string expected, string given) => $"{name}: expected {expected}, got \"{given}\"";
}
