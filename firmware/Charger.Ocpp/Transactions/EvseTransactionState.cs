using Charger.Ocpp.Authorization;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// What the transaction service knows of one EVSE between events: the charger's inputs, the
    /// authorization, the open transaction's id and the meter. RAM only: after a power cut the
    /// journal's record is the truth and the charger reports its inputs again.
    /// </summary>
    public sealed class EvseTransactionState
    {
        /// <summary>Samples kept for the Ended event (TxEndedInterval, AlignedDataCtrlr.TxEndedInterval).</summary>
        public const int EndedSampleCapacity = 16;

        public readonly int EvseId;
        public int ConnectorId = 1;

        public bool EvConnected;
        public bool Authorized;
        public bool PowerPathClosed;
        public ChargingState State = ChargingState.Idle;

        /// <summary>TxPoint flags true at the last evaluation; a transaction starts on a rising start point.</summary>
        public int ActiveFlags;

        /// <summary>TxPoint flags that were true at some time during the open transaction; a stop point ends it when it ceases.</summary>
        public int SeenFlags;

        public IdToken Token;
        public IdToken Group;
        public bool AuthorizedOffline;

        /// <summary>The idToken went out in an event of the open transaction.</summary>
        public bool TokenReported;

        public int RemoteStartId = -1;
        public bool RemoteStartReported;

        /// <summary>EVConnectionTimeOut deadline (tick ms) while authorized without a vehicle, or -1.</summary>
        public long EvConnectionDeadlineMs = -1;

        /// <summary>transactionId of the open transaction, or null.</summary>
        public string TransactionId;
        public long TxStartEnergyWh = -1;
        public long NextUpdatedMs;
        public long NextEndedSampleMs;

        public readonly MeterReading Meter = new MeterReading();
        public readonly MeterSampleBuffer EndedSamples = new MeterSampleBuffer(EndedSampleCapacity);

        /// <summary>Energy transfer was stopped because the CSMS refused the token (E05).</summary>
        public bool EnergySuspended;

        /// <summary>Under MaxEnergyOnInvalidId: the register value (Wh) at which energy stops, or -1.</summary>
        public long InvalidIdEnergyLimitWh = -1;

        public EvseTransactionState(int evseId)
        {
            EvseId = evseId;
        }

        public bool HasTransaction
        {
            get { return TransactionId != null; }
        }

        public int CurrentFlags
        {
            get
            {
                int flags = 0;
                if (EvConnected)
                {
                    flags |= TxPoint.EVConnected | TxPoint.ParkingBayOccupancy;
                }

                if (Authorized)
                {
                    flags |= TxPoint.Authorized;
                }

                if (PowerPathClosed)
                {
                    flags |= TxPoint.PowerPathClosed;
                }

                if (State == ChargingState.Charging)
                {
                    flags |= TxPoint.EnergyTransfer;
                }

                return flags;
            }
        }

        public void ClearAuthorization()
        {
            Authorized = false;
            Token = null;
            Group = null;
            AuthorizedOffline = false;
            RemoteStartId = -1;
            EvConnectionDeadlineMs = -1;
        }

        public void ClearTransaction()
        {
            TransactionId = null;
            SeenFlags = 0;
            TokenReported = false;
            RemoteStartReported = false;
            TxStartEnergyWh = -1;
            EndedSamples.Clear();
            EnergySuspended = false;
            InvalidIdEnergyLimitWh = -1;
        }
    }
}
