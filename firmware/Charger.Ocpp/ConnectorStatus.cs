namespace Charger.Ocpp
{
    /// <summary>OCPP 2.0.1 ConnectorStatusEnumType.</summary>
    public enum ConnectorStatus
    {
        Available = 0,
        Occupied,
        Reserved,
        Unavailable,
        Faulted,
    }
}
