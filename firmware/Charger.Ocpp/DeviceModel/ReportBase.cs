namespace Charger.Ocpp.DeviceModel
{
    /// <summary>OCPP 2.0.1 ReportBaseEnumType.</summary>
    public enum ReportBase
    {
        FullInventory = 0,
        ConfigurationInventory = 1,
        SummaryInventory = 2,
    }
}
