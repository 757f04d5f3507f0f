using Charger.Ota.Bundle;
using Charger.Ota.Slots;

namespace Charger.Ota
{
    /// <summary>
    /// Writes a bundle into the free slot piece by piece, checks it there exactly as the boot does
    /// (plus the signature), and puts it on trial. A bundle that fails any check is left in a slot
    /// marked Writing, which is never booted; the confirmed slot is never touched.
    /// </summary>
    public sealed class BundleInstaller
    {
        private const int CopyBufferBytes = 2048;
        private readonly SlotManager _slots;
        private readonly string _board;
        private readonly int _bootVersion;
        private readonly IBundleSignatureCheck _signatureCheck;

        public BundleInstaller(SlotManager slots, string board, int bootVersion, IBundleSignatureCheck signatureCheck)
        {
            if (signatureCheck == null)
            {
                throw new System.ArgumentNullException("signatureCheck", "an install always checks the signature");
            }

            _slots = slots;
            _board = board;
            _bootVersion = bootVersion;
            _signatureCheck = signatureCheck;
        }

        /// <summary>Copies <paramref name="bundle"/> into the free slot, verifies it, and puts it on trial; returns the slot.</summary>
        public int Install(IBundleSource bundle)
        {
            if (bundle.Length > _slots.Backend.SlotCapacityBytes)
            {
                throw new Charger.Hal.StorageFullException("the bundle has " + bundle.Length + " bytes, a slot holds "
                    + _slots.Backend.SlotCapacityBytes);
            }

            int slot = _slots.BeginInstall();
            byte[] buffer = new byte[CopyBufferBytes];
            long position = 0;
            while (position < bundle.Length)
            {
                int n = bundle.Read(position, buffer, 0, buffer.Length);
                if (n <= 0)
                {
                    break;
                }

                _slots.AppendInstall(buffer, 0, n);
                position += n;
            }

            return Verify(slot);
        }

        /// <summary>Checks the image already written into the install slot (e.g. by a download) and puts it on trial.</summary>
        public int Verify(int slot)
        {
            BundleReader reader = BundleReader.OpenAndVerify(new SlotBundleSource(_slots.Backend, slot), _board, _bootVersion, _signatureCheck);
            _slots.FinishInstall(reader.Manifest.FirmwareVersion);
            return slot;
        }
    }
}
