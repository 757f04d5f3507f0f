using System;
using Charger.Hal;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;
using Charger.Ocpp;
using Charger.Ocpp.Json;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.SmartCharging;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// Composite-schedule evaluation on the board's CLR (issue 15): recurring schedules across
    /// midnight and the week boundary, stack levels, W to A in integer arithmetic, the profile
    /// store across a power cut, and the cost per control tick (printed as "smart charging: ...").
    /// Mirrors tests/Charger.Ocpp.Tests/SmartCharging.
    /// </summary>
    [TestClass]
    public class SmartChargingOnTargetTests
    {
        // Sunday 2026-11-22 22:00:00 UTC in seconds since 1970.
        private const long T0 = 1795384800;
        private const long Monday = T0 + 2 * 3600;

        private static SmartChargingSettings _settings;
        private static ChargingProfileStore _store;
        private static MemoryFileStore _files;

        private static void NewStore()
        {
            _settings = new SmartChargingSettings();
            _files = new MemoryFileStore();
            _store = new ChargingProfileStore(_files, new ListLog(), _settings.MaxProfiles);
        }

        private static ChargingProfile Profile(int id, ChargingProfilePurpose purpose, int evseId, int stack, ChargingProfileKind kind,
            RecurrencyKind recurrency, long startS, int[] starts, int[] limitsTenths)
        {
            ChargingProfile p = new ChargingProfile();
            p.Id = id;
            p.Purpose = purpose;
            p.EvseId = evseId;
            p.StackLevel = stack;
            p.Kind = kind;
            p.Recurrency = recurrency;
            p.HasStartSchedule = kind != ChargingProfileKind.Relative;
            p.StartScheduleS = startS;
            p.RateUnit = ChargingRateUnit.A;
            p.PeriodStartS = starts;
            p.PeriodLimitTenths = limitsTenths;
            p.PeriodPhases = new int[starts.Length];
            p.PeriodPhaseToUse = new int[starts.Length];
            for (int k = 0; k < starts.Length; k++)
            {
                p.PeriodPhases[k] = ChargingProfile.Absent;
                p.PeriodPhaseToUse[k] = ChargingProfile.Absent;
            }

            return p;
        }

        private static void InstallWeekAndMidnight()
        {
            // Weekly from Monday 00:00: 10 A for an hour, then 20 A. Daily from 23:00 for two hours: 6 A.
            Assert.IsNull(_store.Install(Profile(1, ChargingProfilePurpose.ChargingStationMaxProfile, 0, 0, ChargingProfileKind.Recurring,
                RecurrencyKind.Weekly, Monday, new int[] { 0, 3600 }, new int[] { 100, 200 })));
            ChargingProfile daily = Profile(2, ChargingProfilePurpose.TxDefaultProfile, 0, 0, ChargingProfileKind.Recurring,
                RecurrencyKind.Daily, T0 - 7 * 86400 + 3600, new int[] { 0 }, new int[] { 60 });
            daily.DurationS = 7200;
            Assert.IsNull(_store.Install(daily));
        }

        [TestMethod]
        public void RecurringSchedulesCrossMidnightAndTheWeekBoundary()
        {
            NewStore();
            InstallWeekAndMidnight();
            ScheduleEvaluator e = new ScheduleEvaluator(_store, _settings);
            Assert.AreEqual(200, e.LimitDaAt(1, T0 + 1800, null, 0));
            Assert.AreEqual(60, e.LimitDaAt(1, T0 + 5400, null, 0));
            Assert.AreEqual(60, e.LimitDaAt(1, Monday + 3599, null, 0));
            Assert.AreEqual(100, e.LimitDaAt(0, Monday + 1800, null, 0));
            Assert.AreEqual(200, e.LimitDaAt(1, Monday + 3600, null, 0));
            Assert.IsTrue(e.NextChangeAfter(1, Monday + 3000, null, 0) == Monday + 3600);
        }

        [TestMethod]
        public void TxProfileOverrulesDefaultsAndTheHigherStackLevelWins()
        {
            NewStore();
            Assert.IsNull(_store.Install(Profile(1, ChargingProfilePurpose.TxDefaultProfile, 0, 0, ChargingProfileKind.Absolute,
                RecurrencyKind.None, T0, new int[] { 0 }, new int[] { 250 })));
            Assert.IsNull(_store.Install(Profile(2, ChargingProfilePurpose.TxDefaultProfile, 1, 0, ChargingProfileKind.Absolute,
                RecurrencyKind.None, T0, new int[] { 0 }, new int[] { 180 })));
            ChargingProfile tx = Profile(3, ChargingProfilePurpose.TxProfile, 1, 0, ChargingProfileKind.Relative,
                RecurrencyKind.None, 0, new int[] { 0, 600 }, new int[] { 120, 90 });
            tx.TransactionId = "TX-1";
            Assert.IsNull(_store.Install(tx));
            Assert.AreEqual("DuplicateStackLevel", _store.Install(Profile(4, ChargingProfilePurpose.TxDefaultProfile, 1, 0,
                ChargingProfileKind.Absolute, RecurrencyKind.None, T0, new int[] { 0 }, new int[] { 100 })));

            ScheduleEvaluator e = new ScheduleEvaluator(_store, _settings);
            Assert.AreEqual(250, e.LimitDaAt(2, T0 + 10, null, T0));
            Assert.AreEqual(180, e.LimitDaAt(1, T0 + 10, null, T0));
            Assert.AreEqual(120, e.LimitDaAt(1, T0 + 10, "TX-1", T0));
            Assert.AreEqual(90, e.LimitDaAt(1, T0 + 600, "TX-1", T0));
            Assert.AreEqual(180, e.LimitDaAt(1, T0 + 600, "TX-2", T0));
        }

        [TestMethod]
        public void WattsBecomeDeciamperesWithIntegerArithmetic()
        {
            NewStore();
            ScheduleEvaluator e = new ScheduleEvaluator(_store, _settings);
            Assert.AreEqual(160, e.ToDa(110400, ChargingRateUnit.W, 3));
            Assert.AreEqual(57, e.ToDa(40000, ChargingRateUnit.W, 3));
            Assert.AreEqual(0, e.ToDa(0, ChargingRateUnit.W, 1));
            Assert.AreEqual(110400, e.DaToTenthsW(160, 3));
        }

        [TestMethod]
        public void ProfileJsonIsReadAndAnInvalidOneNamesItsReason()
        {
            NewStore();
            string json = "{\"id\":5,\"stackLevel\":1,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Recurring\",\"recurrencyKind\":\"Daily\","
                          + "\"chargingSchedule\":[{\"id\":1,\"startSchedule\":\"2026-11-22T22:00:00Z\",\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":"
                          + "[{\"startPeriod\":0,\"limit\":11040.0},{\"startPeriod\":3600,\"limit\":7360.5,\"numberPhases\":1}]}]}";
            string reason;
            ChargingProfile p = ChargingProfileJson.Read(new JsonParser().Parse(json), 0, _settings, out reason);
            Assert.IsNull(reason);
            Assert.AreEqual(T0.ToString(), p.StartScheduleS.ToString());
            Assert.AreEqual(73605, p.PeriodLimitTenths[1]);
            Assert.AreEqual(1, p.PeriodPhases[1]);
            Assert.AreEqual((int)RecurrencyKind.Daily, (int)p.Recurrency);

            string bad = "{\"id\":5,\"stackLevel\":1,\"chargingProfilePurpose\":\"ChargingStationMaxProfile\",\"chargingProfileKind\":\"Relative\","
                         + "\"chargingSchedule\":[{\"id\":1,\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16}]}]}";
            Assert.IsNull(ChargingProfileJson.Read(new JsonParser().Parse(bad), 0, _settings, out reason));
            Assert.AreEqual("RelativeMaxProfile", reason);
        }

        [TestMethod]
        public void StoredProfilesSurviveAPowerCutAsTheOldSetOrTheNewOne()
        {
            NewStore();
            InstallWeekAndMidnight();
            _files.CutPowerAtWrite(1, false);
            try
            {
                _store.Install(Profile(3, ChargingProfilePurpose.TxDefaultProfile, 1, 0, ChargingProfileKind.Absolute,
                    RecurrencyKind.None, T0, new int[] { 0 }, new int[] { 100 }));
            }
            catch (PowerCutException)
            {
            }

            _files.RestorePower();
            ChargingProfileStore reloaded = new ChargingProfileStore(_files, new ListLog(), 8);
            Assert.AreEqual(2, reloaded.Load());
            Assert.IsNull(reloaded.FindById(3));
            ScheduleEvaluator e = new ScheduleEvaluator(reloaded, _settings);
            Assert.AreEqual(60, e.LimitDaAt(1, T0 + 5400, null, 0));
        }

        [TestMethod]
        public void CompositeWalksBoundaryToBoundary()
        {
            NewStore();
            InstallWeekAndMidnight();
            ScheduleEvaluator e = new ScheduleEvaluator(_store, _settings);
            int[] offsets = new int[16];
            int[] limits = new int[16];
            int[] phases = new int[16];
            int n = e.Composite(1, T0, 4 * 3600, null, 0, offsets, limits, phases);
            // 22:00 20 A; 23:00 6 A (daily); 01:00 Monday 20 A (daily over, weekly's second hour).
            Assert.AreEqual(3, n);
            Assert.AreEqual(0, offsets[0]);
            Assert.AreEqual(200, limits[0]);
            Assert.AreEqual(3600, offsets[1]);
            Assert.AreEqual(60, limits[1]);
            Assert.AreEqual(3 * 3600, offsets[2]);
            Assert.AreEqual(200, limits[2]);
        }

        /// <summary>
        /// The cost the control tick pays: a boundary recompute with the most profiles and periods
        /// the device model allows (8 x 24), and an ordinary tick between boundaries, on a whole
        /// OCPP client with a synchronised clock.
        /// </summary>
        [TestMethod]
        public void CostPerTickIsMeasured()
        {
            NewStore();
            for (int i = 0; i < _settings.MaxProfiles; i++)
            {
                int[] starts = new int[_settings.PeriodsPerSchedule];
                int[] limits = new int[_settings.PeriodsPerSchedule];
                for (int k = 0; k < starts.Length; k++)
                {
                    starts[k] = k * 3000;
                    limits[k] = 60 + (k * 37 + i * 11) % 260;
                }

                ChargingProfilePurpose purpose = i < 3 ? ChargingProfilePurpose.ChargingStationMaxProfile : ChargingProfilePurpose.TxDefaultProfile;
                Assert.IsNull(_store.Install(Profile(i + 1, purpose, i < 3 ? 0 : i % 2, i, ChargingProfileKind.Recurring, RecurrencyKind.Daily,
                    T0 - i * 1000, starts, limits)));
            }

            ScheduleEvaluator e = new ScheduleEvaluator(_store, _settings);
            const int Rounds = 100;
            long start = DateTime.UtcNow.Ticks;
            long sink = 0;
            for (int r = 0; r < Rounds; r++)
            {
                sink += e.LimitDaAt(1, T0 + r * 97, null, 0);
                sink += e.NextChangeAfter(1, T0 + r * 97, null, 0) & 1;
            }

            long recomputeUs = (DateTime.UtcNow.Ticks - start) / 10 / Rounds;
            Assert.IsTrue(sink > 0);

            // A whole client: its clock set, the same 8 profiles, the limit asked every 10 ms for 10 minutes.
            VirtualClock clock = new VirtualClock(1000);
            StationConfig config = new StationConfig();
            OcppStation ocpp = new OcppStation(config, new LoopbackWebSocket(), _files, new SeededRandom(1), new ListLog(), new IdleStationHooks(),
                BootReason.PowerUp, new RpcLimits());
            ocpp.Clock.Set(new DateTime(2026, 11, 22, 22, 0, 0), clock.NowMs);
            SmartChargingService smart = ocpp.SmartCharging;
            Assert.AreEqual(_settings.MaxProfiles, smart.Store.Count);
            const int Ticks = 60000;
            start = DateTime.UtcNow.Ticks;
            for (int t = 0; t < Ticks; t++)
            {
                clock.Advance(10);
                sink += smart.LimitDaNow(1, clock.NowMs);
            }

            long perTickNs = (DateTime.UtcNow.Ticks - start) * 100 / Ticks;
            long recomputes = smart.RecomputeCount(1);
            OutputHelper.WriteLine("smart charging: boundary recompute (8 profiles x 24 periods) " + recomputeUs + " us; "
                + "average tick over 10 min " + perTickNs + " ns with " + recomputes + " recomputes in " + Ticks + " ticks");
            Assert.IsTrue(recomputes < Ticks / 100, "recomputed " + recomputes + " times in " + Ticks + " ticks");
        }
    }
}
