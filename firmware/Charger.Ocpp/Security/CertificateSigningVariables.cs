using Charger.Ocpp.DeviceModel;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// SecurityCtrlr variables of the station certificate life cycle (OCPP 2.0.1 part 2 appendix,
    /// A02/A03). Added to the model before it loads, so CSMS-set values survive a reboot.
    /// </summary>
    public sealed class CertificateSigningVariables
    {
        /// <summary>Seconds to wait for CertificateSigned before the SignCertificateRequest is sent again (A02.FR.17).</summary>
        public readonly Variable CertSigningWaitMinimum;

        /// <summary>How many times a SignCertificateRequest is sent again, the wait doubling each time (A02.FR.18).</summary>
        public readonly Variable CertSigningRepeatTimes;

        /// <summary>Largest certificateChain accepted in CertificateSigned, in bytes (A02.FR.16); the schema's own bound is 10,000 characters.</summary>
        public readonly Variable MaxCertificateChainSize;

        /// <summary>
        /// Vendor-specific: renew the station certificate this many days before it expires (A03
        /// leaves the moment to the station; "e.g. a month" in its description).
        /// </summary>
        public readonly Variable CertificateRenewalLeadDays;

        /// <summary>SecurityCtrlr.OrganizationName: the O of the certificate signing request (A02.FR.03 subject).</summary>
        public readonly Variable OrganizationName;

        public CertificateSigningVariables(StationDeviceModel model)
        {
            CertSigningWaitMinimum = Int(model, "CertSigningWaitMinimum", Mutability.ReadWrite, 60, "s", 1, 86400);
            CertSigningRepeatTimes = Int(model, "CertSigningRepeatTimes", Mutability.ReadWrite, 3, null, 0, 100);
            MaxCertificateChainSize = Int(model, "MaxCertificateChainSize", Mutability.ReadOnly, 10000, "B", 1000, 10000);
            CertificateRenewalLeadDays = Int(model, "CertificateRenewalLeadDays", Mutability.ReadWrite, 30, "d", 1, 365);
            OrganizationName = model.Find(CoreVariables.SecurityCtrlr, "OrganizationName");
        }

        private static Variable Int(StationDeviceModel model, string name, Mutability mutability, int value, string unit, int min, int max)
        {
            Variable v = new Variable(CoreVariables.SecurityCtrlr, null, 0, 0, name, null, DataType.Integer)
                .WithAttribute(AttributeType.Actual, mutability, value.ToString());
            v.Unit = unit;
            v.HasMinLimit = true;
            v.MinLimit = min;
            v.HasMaxLimit = true;
            v.MaxLimit = max;
            return model.Add(v);
        }
    }
}
