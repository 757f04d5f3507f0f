using Charger.Ocpp.DeviceModel;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// The TxCtrlr, SampledDataCtrlr and AlignedDataCtrlr variables the transaction service reads,
    /// looked up once in the device model (values persist there; SetVariables changes them). Member
    /// lists are re-parsed only when their text changes, so reading them in the tick allocates nothing.
    /// </summary>
    public sealed class TransactionVariables
    {
        public readonly Variable EvConnectionTimeOut;
        public readonly Variable StopTxOnInvalidId;
        public readonly Variable MaxEnergyOnInvalidId;
        public readonly Variable TxStartPoint;
        public readonly Variable TxStopPoint;
        public readonly Variable SampledEnabled;
        public readonly Variable TxStartedMeasurands;
        public readonly Variable TxUpdatedMeasurands;
        public readonly Variable TxUpdatedInterval;
        public readonly Variable TxEndedMeasurands;
        public readonly Variable TxEndedInterval;
        public readonly Variable AlignedEnabled;
        public readonly Variable AlignedMeasurands;
        public readonly Variable AlignedInterval;
        public readonly Variable AlignedTxEndedMeasurands;
        public readonly Variable AlignedTxEndedInterval;
        public readonly Variable MessageAttempts;
        public readonly Variable MessageAttemptInterval;

        private readonly ParsedMemberList _start = new ParsedMemberList(true);
        private readonly ParsedMemberList _stop = new ParsedMemberList(true);
        private readonly ParsedMemberList _started = new ParsedMemberList(false);
        private readonly ParsedMemberList _updated = new ParsedMemberList(false);
        private readonly ParsedMemberList _ended = new ParsedMemberList(false);
        private readonly ParsedMemberList _aligned = new ParsedMemberList(false);
        private readonly ParsedMemberList _alignedEnded = new ParsedMemberList(false);

        public TransactionVariables(CoreVariables vars)
        {
            StationDeviceModel m = vars.Model;
            EvConnectionTimeOut = Require(m, CoreVariables.TxCtrlr, "EVConnectionTimeOut");
            StopTxOnInvalidId = Require(m, CoreVariables.TxCtrlr, "StopTxOnInvalidId");
            MaxEnergyOnInvalidId = Require(m, CoreVariables.TxCtrlr, "MaxEnergyOnInvalidId");
            TxStartPoint = Require(m, CoreVariables.TxCtrlr, "TxStartPoint");
            TxStopPoint = Require(m, CoreVariables.TxCtrlr, "TxStopPoint");
            SampledEnabled = Require(m, CoreVariables.SampledDataCtrlr, "Enabled");
            TxStartedMeasurands = Require(m, CoreVariables.SampledDataCtrlr, "TxStartedMeasurands");
            TxUpdatedMeasurands = Require(m, CoreVariables.SampledDataCtrlr, "TxUpdatedMeasurands");
            TxUpdatedInterval = Require(m, CoreVariables.SampledDataCtrlr, "TxUpdatedInterval");
            TxEndedMeasurands = Require(m, CoreVariables.SampledDataCtrlr, "TxEndedMeasurands");
            TxEndedInterval = Require(m, CoreVariables.SampledDataCtrlr, "TxEndedInterval");
            AlignedEnabled = Require(m, CoreVariables.AlignedDataCtrlr, "Enabled");
            AlignedMeasurands = Require(m, CoreVariables.AlignedDataCtrlr, "Measurands");
            AlignedInterval = Require(m, CoreVariables.AlignedDataCtrlr, "Interval");
            AlignedTxEndedMeasurands = Require(m, CoreVariables.AlignedDataCtrlr, "TxEndedMeasurands");
            AlignedTxEndedInterval = Require(m, CoreVariables.AlignedDataCtrlr, "TxEndedInterval");
            MessageAttempts = vars.MessageAttempts;
            MessageAttemptInterval = vars.MessageAttemptInterval;
        }

        public int StartPoints
        {
            get { return _start.Flags(TxStartPoint.Value); }
        }

        public int StopPoints
        {
            get { return _stop.Flags(TxStopPoint.Value); }
        }

        public int StartedMeasurands
        {
            get { return SampledEnabled.BoolValue ? _started.Flags(TxStartedMeasurands.Value) : 0; }
        }

        public int UpdatedMeasurands
        {
            get { return SampledEnabled.BoolValue ? _updated.Flags(TxUpdatedMeasurands.Value) : 0; }
        }

        public int EndedMeasurands
        {
            get { return SampledEnabled.BoolValue ? _ended.Flags(TxEndedMeasurands.Value) : 0; }
        }

        public int ClockMeasurands
        {
            get { return AlignedEnabled.BoolValue ? _aligned.Flags(AlignedMeasurands.Value) : 0; }
        }

        public int ClockEndedMeasurands
        {
            get { return AlignedEnabled.BoolValue ? _alignedEnded.Flags(AlignedTxEndedMeasurands.Value) : 0; }
        }

        private static Variable Require(StationDeviceModel model, string component, string name)
        {
            Variable v = model.Find(component, name);
            if (v == null)
            {
                throw new System.InvalidOperationException("device model lacks " + component + "." + name);
            }

            return v;
        }
    }
}
