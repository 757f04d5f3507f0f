namespace Charger.Metering.Profiles
{
    /// <summary>
    /// What one meter model looks like on Modbus: which register blocks to read and how their raw words
    /// become units. A profile knows nothing of the bus; the meter service reads the blocks in order.
    /// </summary>
    public interface IMeterProfile
    {
        /// <summary>Manufacturer and model, for the console and the boot log.</summary>
        string Model { get; }

        /// <summary>The document (title and revision) whose register map this profile follows.</summary>
        string Datasheet { get; }

        int PhaseCount { get; }

        /// <summary>Modbus function used for every block: 03 (holding) or 04 (input registers).</summary>
        byte ReadFunction { get; }

        int BlockCount { get; }

        ushort GetBlockStart(int block);

        int GetBlockLength(int block);

        /// <summary>
        /// Converts one block's registers into <paramref name="reading"/>. Returns false when a value is one the
        /// datasheet marks as invalid (NaN, "not available"), so the whole reading is discarded.
        /// </summary>
        bool Decode(int block, ushort[] registers, MeterReading reading);
    }
}
