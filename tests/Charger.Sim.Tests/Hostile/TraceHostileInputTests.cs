using System;
using System.Linq;
using System.Text;
using Charger.Firmware.Console;
using Charger.Firmware.Station;
using Charger.Hal.Sim;
using Charger.Hal.Sim.Network;

namespace Charger.Sim.Tests.Hostile;

/// <summary>Issue 13, items 4 and 8: the OCPP frame trace costs linear time and keeps only bounded, printable text.</summary>
public class TraceHostileInputTests
{
    private static string PasswordFrame(int items)
    {
        var sb = new StringBuilder("[2,\"m1\",\"SetVariables\",{\"setVariableData\":[");
        for (int i = 0; i < items; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append("{\"attributeValue\":\"secret-").Append(i).Append("\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}");
        }

        return sb.Append("]}]").ToString();
    }

    [Fact]
    public void MaskingA16KbFrameAllocatesLinearlyInItsSize()
    {
        string frame = PasswordFrame(140);
        Assert.InRange(frame.Length, 15_000, 16_384);
        TracingWebSocket.Mask(frame); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        string masked = TracingWebSocket.Mask(frame);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.DoesNotContain("secret-", masked);
        Assert.Equal(140, masked.Split("\"attributeValue\":\"***\"").Length - 1);

        // Before: 10 MB (a new copy of the frame per value). Now: a builder and the result, a few times the frame.
        Assert.True(allocated < 8 * frame.Length * sizeof(char), allocated + " bytes for a " + frame.Length + " character frame");
    }

    [Fact]
    public void MaskKeepsEscapedQuotesInsideTheValueHidden()
    {
        string masked = TracingWebSocket.Mask("[2,\"1\",\"SetVariables\",{\"setVariableData\":[{\"attributeValue\":\"a\\\"b\\\\\",\"component\":{\"name\":\"SecurityCtrlr\"},\"variable\":{\"name\":\"MaintenancePassword\"}}]}]");
        Assert.Contains("\"attributeValue\":\"***\",\"component\"", masked);
    }

    [Fact]
    public void RecentMessageListKeepsBoundedPrintableSummaries()
    {
        var socket = new LoopbackWebSocket();
        socket.Server.AutoAccept = true;
        var clock = new VirtualClock(0);
        var trace = new TracingWebSocket(socket, clock, new Charger.Firmware.Diagnostics.LogRing(clock, 16));
        trace.Open("ws://x/y", "ocpp2.0.1", new string[0], new string[0]);
        string longId = new string('i', 16_000);
        trace.SendText("[2,\"" + longId + "\",\"" + new string('A', 5000) + "\",{}]");
        trace.SendText("[3,\"bell\\u0007\u001b[2J\",{}]");
        trace.SendText("[4,\"x\",\"" + new string('E', 3000) + "\",\"d\",{}]");

        var lines = new string[TracingWebSocket.RecentCapacity];
        int n = trace.CopyRecent(lines, 0);
        Assert.Equal(4, n);
        foreach (string line in lines.Take(n))
        {
            Assert.True(line.Length <= TracingWebSocket.MaxSummaryChars, line.Length + " characters: " + line.Substring(0, Math.Min(40, line.Length)));
            Assert.DoesNotContain(line, c => c < ' ' || c == 0x7F);
        }
    }
}
