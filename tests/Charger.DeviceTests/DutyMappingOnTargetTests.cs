using Charger.Firmware.Charging;
using nanoFramework.TestFramework;

namespace Charger.DeviceTests
{
    /// <summary>
    /// PWM duty cycle and maximum current, IEC 61851-1 Annex A Tables A.7 (EVSE) and A.8 (EV), on the
    /// board's CLR. Mirrors tests/Charger.Firmware.Tests/ChargeControl/DutyCycleMapTests.
    /// </summary>
    [TestClass]
    public class DutyMappingOnTargetTests
    {
        [TestMethod]
        public void CurrentMapsToDutyPerTableA7()
        {
            int[] currentDa = { 60, 100, 160, 320, 510, 520, 525, 530, 630, 800 };
            int[] permille = { 100, 166, 266, 533, 850, 850, 850, 852, 892, 960 };
            for (int i = 0; i < currentDa.Length; i++)
            {
                Assert.AreEqual(permille[i], DutyCycleMap.DutyPermilleFor(currentDa[i]), currentDa[i] + " dA");
            }
        }

        [TestMethod]
        public void BelowSixAmperesThereIsNoOffer()
        {
            Assert.AreEqual(DutyCycleMap.NoOffer, DutyCycleMap.DutyPermilleFor(0));
            Assert.AreEqual(DutyCycleMap.NoOffer, DutyCycleMap.DutyPermilleFor(59));
            Assert.AreEqual(DutyCycleMap.NoOffer, DutyCycleMap.DutyPermilleFor(-10));
        }

        [TestMethod]
        public void AboveEightyAmperesTheOfferIsClampedTo96Percent()
        {
            Assert.AreEqual(960, DutyCycleMap.DutyPermilleFor(801));
            Assert.AreEqual(960, DutyCycleMap.DutyPermilleFor(1000));
            Assert.AreEqual(960, DutyCycleMap.DutyPermilleFor(int.MaxValue / 10));
        }

        [TestMethod]
        public void DutyDecodesPerTableA8()
        {
            int[] duty = { 0, 29, 30, 50, 70, 71, 79, 80, 99, 100, 250, 533, 850, 851, 900, 960, 961, 970, 971, 1000 };
            int[] currentDa =
            {
                DutyCycleMap.NotAllowed, DutyCycleMap.NotAllowed, DutyCycleMap.DigitalCommunication, DutyCycleMap.DigitalCommunication,
                DutyCycleMap.DigitalCommunication, 0, 0, 60, 60, 60, 150, 319, 510, 527, 650, 800, 800, 800,
                DutyCycleMap.NotAllowed, DutyCycleMap.NotAllowed,
            };
            for (int i = 0; i < duty.Length; i++)
            {
                Assert.AreEqual(currentDa[i], DutyCycleMap.CurrentDaFor(duty[i]), duty[i] + " per mille");
            }
        }

        [TestMethod]
        public void EveryCurrentFromSixToEightyAmperesRoundTripsToAtMostTheOffer()
        {
            for (int currentDa = 60; currentDa <= 800; currentDa++)
            {
                int duty = DutyCycleMap.DutyPermilleFor(currentDa);
                Assert.IsTrue(duty >= 100 && duty <= 960, currentDa + " dA gave " + duty);
                int decoded = DutyCycleMap.CurrentDaFor(duty);
                Assert.IsTrue(decoded <= currentDa, currentDa + " dA decodes to more: " + decoded);

                // One per mille is 0.06 A in the low range and 0.25 A in the high range; between 51 A
                // and 52.8 A only 85 % (51 A) is safe.
                int tolerance = currentDa <= 510 ? 1 : currentDa < 528 ? currentDa - 510 : 3;
                Assert.IsTrue(currentDa - decoded <= tolerance, currentDa + " dA decodes to " + decoded);
            }
        }

        [TestMethod]
        public void DutyIsMonotonicInCurrent()
        {
            int previous = DutyCycleMap.DutyPermilleFor(60);
            for (int currentDa = 61; currentDa <= 900; currentDa++)
            {
                int duty = DutyCycleMap.DutyPermilleFor(currentDa);
                Assert.IsTrue(duty >= previous, "duty fell at " + currentDa + " dA");
                previous = duty;
            }
        }

        [TestMethod]
        public void EveryDutyFromZeroToFullScaleDecodesToADefinedResult()
        {
            for (int duty = 0; duty <= 1000; duty++)
            {
                int current = DutyCycleMap.CurrentDaFor(duty);
                if (duty >= 80 && duty <= 970)
                {
                    Assert.IsTrue(current >= 60 && current <= 800, duty + " per mille gave " + current);
                }
                else
                {
                    Assert.IsTrue(current <= 0, duty + " per mille must not allow charging, got " + current);
                }
            }
        }

        [TestMethod]
        public void ThePwmOutputCarriesTheMappedDutyAsAFraction()
        {
            // The per-mille map reaches the pilot generator as a double: a 16 A limit is 26.6 %,
            // which the EV reads back as 15.9 A (Table A.8).
            Charger.Firmware.Control.ChargeControlConfig config = new Charger.Firmware.Control.ChargeControlConfig();
            config.Charging.MaxCurrentDa = 160;
            ChargeRig rig = new ChargeRig(config, 2);
            rig.StartCharging();

            Assert.AreEqual(159, rig.Controller.OfferDa);
            Assert.AreEqual(266, rig.Controller.DutyPermille);
            Assert.AreEqual(0.266, rig.Pwm.DutyCycle);
        }
    }
}
