using System;
using System.Collections.Generic;
using Charger.Firmware.Console;

namespace Charger.Console.Tests.Fakes
{
    public sealed class FakeFaults : IFaultControl
    {
        public List<FaultRecord> Faults { get; } = new List<FaultRecord>();

        public List<string> ClearCalls { get; } = new List<string>();

        /// <summary>A fault whose cause is still present refuses to clear.</summary>
        public HashSet<string> CauseStillPresent { get; } = new HashSet<string>();

        public void Add(string code, bool active, string reason, long raisedAtMs, string recovery, bool confirm)
        {
            Faults.Add(new FaultRecord
            {
                Code = code,
                Active = active,
                Reason = reason,
                RaisedAtMs = raisedAtMs,
                ClearedAtMs = active ? 0 : raisedAtMs + 5000,
                RecoveryRule = recovery,
                ConfirmBeforeClear = confirm,
            });
        }

        public int ReadFaults(FaultRecord[] destination)
        {
            int n = Math.Min(Faults.Count, destination.Length);
            for (int i = 0; i < n; i++)
            {
                destination[i] = Faults[i];
            }

            return n;
        }

        public ConsoleResult Clear(string code, bool confirmed)
        {
            ClearCalls.Add(code + (confirmed ? " confirmed" : ""));
            int index = Faults.FindIndex(f => f.Code == code && f.Active);
            if (index < 0)
            {
                return ConsoleResult.Refused("not active");
            }

            if (Faults[index].ConfirmBeforeClear && !confirmed)
            {
                return ConsoleResult.Refused("needs confirmation");
            }

            if (CauseStillPresent.Contains(code))
            {
                return ConsoleResult.Refused("cause still present");
            }

            FaultRecord f = Faults[index];
            f.Active = false;
            Faults[index] = f;
            return ConsoleResult.Done("");
        }
    }
}
