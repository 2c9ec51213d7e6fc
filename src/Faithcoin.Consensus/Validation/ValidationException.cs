namespace Faithcoin.Consensus.Validation;

/// <summary>Carries a <see cref="ValidationError"/> across call layers where returning it is impractical.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(ValidationError error)
        : base(error.ToString())
    {
        Error = error;
    }

    public ValidationError Error { get; }
}
