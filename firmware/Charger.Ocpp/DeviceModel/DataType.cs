namespace Charger.Ocpp.DeviceModel
{
    /// <summary>OCPP 2.0.1 DataEnumType (wire names in <see cref="DeviceModelNames.DataTypeName"/>).</summary>
    public enum DataType
    {
        String = 0,
        Decimal,
        Integer,
        DateTime,
        Boolean,
        OptionList,
        SequenceList,
        MemberList,
    }
}
