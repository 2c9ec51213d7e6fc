using System.Globalization;
using System.Text.Json;
using Faithcoin.Cli.Json;
using Faithcoin.Cli.Transport;

namespace Faithcoin.Cli;

/// <summary>
/// What CommandLineRPC makes of a reply body: a string result printed raw, null printed as nothing, anything else
/// pretty-printed with two spaces; an error printed as "error code: N" and "error message:" lines with exit
/// code |N|. While waiting (-rpcwait), a warm-up error (-28) counts as a failed connection.
/// </summary>
public static class RpcReplyInterpreter
{
    public const int InWarmupCode = -28;

    private static readonly JsonElement JsonNull = JsonDocument.Parse("null").RootElement.Clone();

    public static CliOutcome Interpret(string body, bool waiting)
    {
        if (!JsonText.TryParse(body, out var reply))
        {
            throw new RpcClientException("couldn't parse reply from server");
        }

        if (reply.ValueKind != JsonValueKind.Object)
        {
            throw new RpcClientException("JSON value is not an object as expected");
        }

        if (!reply.EnumerateObject().Any())
        {
            throw new RpcClientException("expected reply to have result, error and id properties");
        }

        var error = Member(reply, "error");
        if (error.ValueKind != JsonValueKind.Null)
        {
            return FromError(error, waiting);
        }

        var result = Member(reply, "result");
        return result.ValueKind switch
        {
            JsonValueKind.Null => new CliOutcome(string.Empty, 0),
            JsonValueKind.String => new CliOutcome(result.GetString()!, 0),
            _ => new CliOutcome(UniValueWriter.Write(result, 2), 0),
        };
    }

    private static CliOutcome FromError(JsonElement error, bool waiting)
    {
        var code = Member(error, "code");
        if (code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var number))
        {
            throw new RpcClientException("JSON value is not an integer as expected");
        }

        if (waiting && number == InWarmupCode)
        {
            throw new RpcConnectionFailedException("server in warmup");
        }

        var exitCode = (int)Math.Min(Math.Abs((long)number), int.MaxValue);
        var message = Member(error, "message");
        var text = "error code: " + number.ToString(CultureInfo.InvariantCulture) + "\n";
        if (message.ValueKind == JsonValueKind.String)
        {
            text += "error message:\n" + message.GetString();
        }

        return new CliOutcome(text, exitCode);
    }

    /// <summary>find_value: the first member of that name, or null when absent (or when not an object).</summary>
    private static JsonElement Member(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.NameEquals(name))
                {
                    return property.Value;
                }
            }
        }

        return JsonNull;
    }
}
