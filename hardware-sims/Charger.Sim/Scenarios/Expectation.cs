namespace Charger.Sim.Scenarios;

/// <summary>What an <c>expect</c> line asks for, parsed so that mistakes surface before the run.</summary>
public sealed record Expectation(
    ExpectSubject Subject,
    string Name,
    CompareOp Op,
    double Value,
    string Word,
    long WithinMs)
{
    public bool Holds(double actual) => Op switch
    {
        CompareOp.Equal => Math.Abs(actual - Value) < 1e-9,
        CompareOp.Less => actual < Value,
        CompareOp.LessOrEqual => actual <= Value,
        CompareOp.Greater => actual > Value,
        CompareOp.GreaterOrEqual => actual >= Value,
        _ => false,
    };

    public static string OpText(CompareOp op) => op switch
    {
        CompareOp.Equal => "=",
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        _ => ">=",
    };
}

public enum ExpectSubject
{
    Contactor,
    Pilot,
    Offer,
    Drawn,
    Energy,
    Temperature,
    Fault,
    Transaction,
    CsmsReceived,
    Connection,
    FirmwareVersion,
    ActiveSlot,
    Rollback,
    FirmwareStatus,
    NetworkProfile,
}

public enum CompareOp
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
