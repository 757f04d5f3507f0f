using System.IO;
using Charger.Sim.Realtime;

namespace Charger.Sim.Tests.SerialConsole;

public sealed class LiveDisplayTests
{
    [Fact]
    public void OnATerminalTheStatusIsRedrawnInPlaceWithoutANewline()
    {
        var output = new StringWriter();
        var display = new LiveDisplay(output, inPlace: true);

        display.Draw("pilot C  offer 16.0 A");

        Assert.Equal("\rpilot C  offer 16.0 A", output.ToString());
    }

    [Fact]
    public void AShorterStatusPadsOverTheTailOfTheLongerOne()
    {
        var output = new StringWriter();
        var display = new LiveDisplay(output, inPlace: true);

        display.Draw("pilot C  offer 16.0 A");
        display.Draw("pilot A");

        Assert.EndsWith("\rpilot A" + new string(' ', "pilot C  offer 16.0 A".Length - "pilot A".Length), output.ToString());
    }

    [Fact]
    public void TimelineLinesWipeTheStatusFirstSoTheyNeverShareARow()
    {
        var output = new StringWriter();
        var display = new LiveDisplay(output, inPlace: true);
        display.Draw("status!");

        display.Writer.WriteLine("0:00:01.000  pilot      pilot A -> B");

        Assert.Equal("\rstatus!\r       \r0:00:01.000  pilot      pilot A -> B" + output.NewLine, output.ToString());
    }

    [Fact]
    public void IntoAFileTheStatusIsAnOrdinaryLineAndRefreshIsRateLimited()
    {
        var output = new StringWriter();
        var display = new LiveDisplay(output, inPlace: false);
        int built = 0;

        display.Refresh(() => { built++; return "pilot A"; });
        display.Refresh(() => { built++; return "pilot B"; });

        // The second refresh comes well inside the period: not drawn, and its text not even built.
        Assert.Equal(1, built);
        Assert.Equal("status  pilot A" + output.NewLine, output.ToString());
    }

    [Fact]
    public void OnANarrowTerminalTheStatusIsCutSoItNeverWraps()
    {
        var output = new StringWriter();
        var display = new LiveDisplay(output, inPlace: true, widthChars: 10);

        display.Draw("0:00:01.000  pilot C  state C2");

        Assert.Equal("\r0:00:01.0", output.ToString());
    }
}
