using System.Collections;
using Charger.Firmware.Runtime;

namespace Charger.DeviceTests
{
    /// <summary>A tick stage that appends its name to a shared journal each time it runs.</summary>
    public sealed class RecordingStage : ITickStage
    {
        private readonly string _name;
        private readonly ArrayList _journal;

        public RecordingStage(string name, ArrayList journal)
        {
            _name = name;
            _journal = journal;
        }

        public string Name
        {
            get { return _name; }
        }

        public void Tick(long nowMs)
        {
            _journal.Add(_name + "@" + nowMs);
        }
    }
}
