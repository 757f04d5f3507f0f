namespace Charger.Ocpp.SmartCharging
{
    /// <summary>
    /// Which installed profiles a ClearChargingProfile (K10) or GetChargingProfiles (K09) request
    /// means: every criterion given must match; none given matches every profile.
    /// </summary>
    public sealed class ProfileCriteria
    {
        /// <summary>Profile ids (any of them); null: any id.</summary>
        public int[] Ids;

        public bool HasEvse;
        public int EvseId;
        public bool HasPurpose;
        public ChargingProfilePurpose Purpose;
        public bool HasStackLevel;
        public int StackLevel;

        public bool Matches(ChargingProfile p)
        {
            if (Ids != null)
            {
                bool found = false;
                for (int i = 0; i < Ids.Length; i++)
                {
                    if (Ids[i] == p.Id)
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }
            }

            return (!HasEvse || p.EvseId == EvseId)
                && (!HasPurpose || p.Purpose == Purpose)
                && (!HasStackLevel || p.StackLevel == StackLevel);
        }
    }
}
