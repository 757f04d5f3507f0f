namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Decides, for a transaction <see cref="TransactionJournal.Load"/> found open after a reboot,
    /// whether to end it with stoppedReason PowerLoss or to resume it. Pure: the journal and the
    /// queue make the outcome exactly-once, this only chooses.
    /// </summary>
    public static class PowerLossRecovery
    {
        /// <summary>OCPP 2.0.1 ReasonEnumType value for a transaction ended by loss of power.</summary>
        public const string PowerLossReason = "PowerLoss";

        /// <param name="evStillConnected">The pilot shows a vehicle (state B or C) after the reboot.</param>
        /// <param name="outageMs">Wall-clock time the station was off, or -1 when unknown.</param>
        public static RecoveryDecision Decide(OpenTransaction tx, PowerLossConfig config, bool evStillConnected, long outageMs)
        {
            RecoveryDecision decision = new RecoveryDecision();
            decision.EnergyWh = tx.LastEnergyWh;
            decision.NextSeqNo = tx.NextSeqNo;
            decision.NeedsStartedEvent = tx.NextSeqNo == 0;

            bool withinGap = config.MaxResumeGapMs <= 0 || (outageMs >= 0 && outageMs <= config.MaxResumeGapMs);
            if (config.ResumeAfterPowerLoss && evStillConnected && withinGap && !decision.NeedsStartedEvent)
            {
                decision.Action = RecoveryAction.Resume;
                decision.Reason = "resuming: configured to, EV still connected";
                return decision;
            }

            decision.Action = RecoveryAction.EndWithPowerLoss;
            decision.StoppedReason = PowerLossReason;
            if (!config.ResumeAfterPowerLoss)
            {
                decision.Reason = "ending: resume after power loss is not configured";
            }
            else if (!evStillConnected)
            {
                decision.Reason = "ending: the EV left during the outage";
            }
            else if (decision.NeedsStartedEvent)
            {
                decision.Reason = "ending: the transaction was never announced";
            }
            else
            {
                decision.Reason = "ending: the outage exceeded the resume limit";
            }

            return decision;
        }
    }
}
