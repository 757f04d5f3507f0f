using System.Text;
using Charger.Hal;

namespace Charger.Ocpp.NetworkProfiles
{
    /// <summary>
    /// Which configuration slot the station connects with (B10). At start it takes the first usable
    /// entry of OCPPCommCtrlr.NetworkConfigurationPriority (B10.FR.04); after
    /// NetworkProfileConnectionAttempts failed attempts on one entry it moves to the next (B10.FR.03),
    /// wrapping around. When a whole round of the list failed and the slot of the last successful
    /// connection is not in the list, that slot gets its attempts too before the round starts again
    /// (B10.FR.07): a new profile that never connects cannot strand the station away from the one
    /// that worked. The priority is read once, at start: a new order takes effect at the next boot
    /// (SetVariables answers RebootRequired).
    ///
    /// Usable means: the slot holds a profile, the profile passes <see cref="NetworkProfileCheck"/>,
    /// and its security profile is not below <see cref="SecurityFloor"/> (A05: no downgrade).
    /// </summary>
    public sealed class NetworkProfileSelector
    {
        /// <summary>Record holding the slot of the last successful connection.</summary>
        public const string LastGoodRecord = "netprof-last";

        private const string Component = "ocpp.netprof";

        private readonly NetworkProfileStore _profiles;
        private readonly IFileStore _store;
        private readonly ILog _log;
        private readonly int[] _order;
        private int _position = -1; // 0.._order.Length-1: a priority entry; _order.Length: the last good slot
        private NetworkProfile _active;
        private int _failures;
        private int _lastGood = -1;
        private int _switches;
        private bool _switchedSinceConnected;

        public NetworkProfileSelector(NetworkProfileStore profiles, IFileStore store, string priority, ILog log)
        {
            _profiles = profiles;
            _store = store;
            _log = log;
            _order = ParsePriority(priority);
            AttemptsPerProfile = 3;
            byte[] last = store.Read(LastGoodRecord);
            if (last != null && last.Length > 0 && last.Length < 4)
            {
                int slot = last[0] - '0';
                if (last.Length == 1 && NetworkProfileStore.IsSlot(slot))
                {
                    _lastGood = slot;
                }
            }
        }

        /// <summary>NetworkProfileConnectionAttempts: failed attempts on one entry before moving to the next.</summary>
        public int AttemptsPerProfile { get; set; }

        /// <summary>The lowest security profile a slot may have to be used (the A05 floor).</summary>
        public int SecurityFloor { get; set; }

        /// <summary>The profile connected with or being tried; null when no slot is usable.</summary>
        public NetworkProfile Active
        {
            get { return _active; }
        }

        /// <summary>The slot of <see cref="Active"/>, or -1.</summary>
        public int ActiveSlot
        {
            get { return _active == null ? -1 : _active.Slot; }
        }

        /// <summary>The slot of the last successful connection (kept across reboots), or -1.</summary>
        public int LastGoodSlot
        {
            get { return _lastGood; }
        }

        /// <summary>The priority list read at start, in order.</summary>
        public int[] Priority
        {
            get { return _order; }
        }

        /// <summary>Moves to another slot since start.</summary>
        public int Switches
        {
            get { return _switches; }
        }

        /// <summary>Failed attempts on the active slot since it was chosen or last connected.</summary>
        public int FailedAttempts
        {
            get { return _failures; }
        }

        /// <summary>Chooses the first usable entry of the priority list (B10.FR.04). Returns <see cref="Active"/>.</summary>
        public NetworkProfile Start()
        {
            _position = _order.Length; // so that the first step lands on entry 0
            _failures = 0;
            _active = null;
            Step();
            if (_active == null)
            {
                _log.Write(LogLevel.Error, Component, "no usable network profile in NetworkConfigurationPriority or the last working slot");
            }
            else
            {
                _log.Write(LogLevel.Info, Component, "using network profile slot " + _active.Slot.ToString() + ": " + _active.CsmsUrl);
            }

            _switchedSinceConnected = false;
            return _active;
        }

        /// <summary>An attempt with the active slot failed. True when the station moved to another slot.</summary>
        public bool OnAttemptFailed()
        {
            _failures++;
            if (_failures < AttemptsPerProfile)
            {
                return false;
            }

            _log.Write(LogLevel.Warning, Component, "network profile slot " + ActiveSlot.ToString() + " failed " + _failures.ToString()
                + " attempt(s); trying the next one");
            return MoveOn();
        }

        /// <summary>The active slot cannot be used at all (a certificate it needs is missing): move on at once.</summary>
        public bool Skip()
        {
            _log.Write(LogLevel.Warning, Component, "network profile slot " + ActiveSlot.ToString() + " cannot be used; trying the next one");
            return MoveOn();
        }

        /// <summary>
        /// Connected with the active slot: it becomes the last good one. True when it is another slot than
        /// the one of the previous connection since start (B10.FR.10: register again with BootNotification).
        /// </summary>
        public bool OnConnected()
        {
            _failures = 0;
            bool switched = _switchedSinceConnected;
            _switchedSinceConnected = false;
            int slot = ActiveSlot;
            if (slot >= 0 && slot != _lastGood)
            {
                _lastGood = slot;
                byte[] bytes = Encoding.UTF8.GetBytes(slot.ToString());
                try
                {
                    _store.WriteAtomic(LastGoodRecord, bytes, bytes.Length);
                }
                catch (StorageFullException e)
                {
                    _log.Write(LogLevel.Error, Component, "last working network profile slot not saved: " + e.Message);
                }
            }

            return switched;
        }

        /// <summary>A working connection was lost: the active slot gets its attempts again first (B10.FR.03).</summary>
        public void OnConnectionLost()
        {
            _failures = 0;
        }

        /// <summary>
        /// Why <paramref name="value"/> cannot be NetworkConfigurationPriority (a SetVariables reasonCode),
        /// or null. Format and membership are checked by the device model before.
        /// </summary>
        public string PriorityProblem(string value)
        {
            int[] slots = ParsePriority(value);
            if (slots.Length == 0)
            {
                return "InvalidNetworkConf";
            }

            for (int i = 0; i < slots.Length; i++)
            {
                NetworkProfile p = _profiles.Get(slots[i]);
                if (p == null || NetworkProfileCheck.Problem(p) != null)
                {
                    _log.Write(LogLevel.Warning, Component, "NetworkConfigurationPriority " + value + " refused: slot " + slots[i].ToString()
                        + " holds no usable profile");
                    return "InvalidNetworkConf";
                }

                if (p.SecurityProfile < SecurityFloor)
                {
                    return "NoSecurityDowngrade";
                }
            }

            return null;
        }

        /// <summary>The slots of a priority list; members that are not slots are left out.</summary>
        public static int[] ParsePriority(string value)
        {
            if (value == null || value.Length == 0)
            {
                return new int[0];
            }

            string[] members = value.Split(',');
            int[] slots = new int[members.Length];
            int n = 0;
            for (int i = 0; i < members.Length; i++)
            {
                string m = members[i].Trim();
                if (m.Length == 1 && NetworkProfileStore.IsSlot(m[0] - '0'))
                {
                    slots[n++] = m[0] - '0';
                }
            }

            int[] result = new int[n];
            System.Array.Copy(slots, result, n);
            return result;
        }

        private bool MoveOn()
        {
            _failures = 0;
            int before = ActiveSlot;
            Step();
            if (ActiveSlot != before)
            {
                _switches++;
                _switchedSinceConnected = true;
                _log.Write(LogLevel.Info, Component, "now using network profile slot " + ActiveSlot.ToString() + ": " + _active.CsmsUrl
                    + (_position == _order.Length ? " (last working profile, B10.FR.07)" : ""));
                return true;
            }

            return false;
        }

        /// <summary>Advances to the next usable candidate, wrapping; stays put when there is none.</summary>
        private void Step()
        {
            int candidates = _order.Length + 1;
            int position = _position;
            for (int i = 0; i < candidates; i++)
            {
                position = (position + 1) % candidates;
                NetworkProfile p = Candidate(position);
                if (p != null)
                {
                    _position = position;
                    _active = p;
                    return;
                }
            }
        }

        private NetworkProfile Candidate(int position)
        {
            int slot;
            if (position < _order.Length)
            {
                slot = _order[position];
            }
            else
            {
                // B10.FR.07: the last working slot, when the list does not already hold it.
                if (_lastGood < 0 || Contains(_order, _lastGood))
                {
                    return null;
                }

                slot = _lastGood;
            }

            NetworkProfile p = _profiles.Get(slot);
            if (p == null)
            {
                return null;
            }

            string problem = NetworkProfileCheck.Problem(p);
            if (problem == null && p.SecurityProfile < SecurityFloor)
            {
                problem = "security profile " + p.SecurityProfile.ToString() + " is below " + SecurityFloor.ToString() + " already used (A05)";
            }

            if (problem != null)
            {
                _log.Write(LogLevel.Warning, Component, "network profile slot " + slot.ToString() + " skipped: " + problem);
                return null;
            }

            return p;
        }

        private static bool Contains(int[] values, int value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
