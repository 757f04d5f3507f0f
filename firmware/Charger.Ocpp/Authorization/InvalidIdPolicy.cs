namespace Charger.Ocpp.Authorization
{
    /// <summary>
    /// The rule for a transaction whose token the CSMS refuses once it hears of it, typically a
    /// token accepted offline (E05, C13): stop it, suspend energy, or allow energy up to
    /// MaxEnergyOnInvalidId. Energy here is what the transaction has delivered since it started
    /// (meter now minus meter at start), our reading of "energy delivered" in the variable's
    /// definition.
    /// </summary>
    public static class InvalidIdPolicy
    {
        public static InvalidIdAction Decide(AuthorizationStatus csmsStatus, InvalidIdConfig config)
        {
            if (csmsStatus == AuthorizationStatus.Accepted)
            {
                return InvalidIdAction.Continue;
            }

            if (config.StopTxOnInvalidId)
            {
                return InvalidIdAction.StopTransaction;
            }

            return config.MaxEnergyOnInvalidIdWh > 0 ? InvalidIdAction.LimitEnergy : InvalidIdAction.SuspendEnergy;
        }

        /// <summary>Under <see cref="InvalidIdAction.LimitEnergy"/>: whether energy transfer must stop now.</summary>
        public static bool EnergyLimitReached(long deliveredWh, InvalidIdConfig config)
        {
            return config.MaxEnergyOnInvalidIdWh > 0 && deliveredWh >= config.MaxEnergyOnInvalidIdWh;
        }
    }
}
