namespace Charger.Ocpp.Rpc.Schema
{
    /// <summary>
    /// Builds the schema a CSMS request must pass. The endpoint keeps factories, not schema trees: a
    /// tree for every action would hold about 30 KB of a board's heap for messages that arrive a few
    /// times a day (README, memory).
    /// </summary>
    public delegate SchemaNode SchemaFactory();
}
