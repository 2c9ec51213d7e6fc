namespace Faithcoin.Node.Rest;

/// <summary>
/// ParseDataFormat: the URI part after a handler's prefix, split at its last '.' into the resource and the format.
/// An unknown extension leaves the whole text as the resource; an empty one (a trailing '.') is cut off.
/// </summary>
public readonly record struct RestResource(string Param, RestFormat Format)
{
    public static RestResource Parse(string uriPart)
    {
        ArgumentNullException.ThrowIfNull(uriPart);
        var dot = uriPart.LastIndexOf('.');
        if (dot < 0)
        {
            return new RestResource(uriPart, RestFormat.Undefined);
        }

        return uriPart[(dot + 1)..] switch
        {
            "" => new RestResource(uriPart[..dot], RestFormat.Undefined),
            "bin" => new RestResource(uriPart[..dot], RestFormat.Binary),
            "hex" => new RestResource(uriPart[..dot], RestFormat.Hex),
            "json" => new RestResource(uriPart[..dot], RestFormat.Json),
            _ => new RestResource(uriPart, RestFormat.Undefined),
        };
    }
}
