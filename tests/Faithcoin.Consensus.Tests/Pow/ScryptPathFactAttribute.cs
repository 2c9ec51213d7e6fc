using Faithcoin.Consensus.Pow;
using Xunit;

namespace Faithcoin.Consensus.Tests.Pow;

/// <summary>A fact that is skipped, with a message, when this CPU cannot run the given scrypt path.</summary>
internal sealed class ScryptPathFactAttribute : FactAttribute
{
    public ScryptPathFactAttribute(ScryptPath path)
    {
        if (!ScryptPow.IsSupported(path))
        {
            Skip = $"This CPU cannot run the scrypt {path} path.";
        }
    }
}
