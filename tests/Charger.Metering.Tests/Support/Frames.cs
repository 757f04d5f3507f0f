using Charger.Metering.Modbus;

namespace Charger.Metering.Tests.Support;

/// <summary>Builds RTU frames byte by byte from the specification's layouts, for answers the tests script.</summary>
public static class Frames
{
    public static byte[] WithCrc(params byte[] pdu)
    {
        var frame = new byte[pdu.Length + 2];
        System.Array.Copy(pdu, frame, pdu.Length);
        ModbusCrc.Append(frame, 0, pdu.Length);
        return frame;
    }

    /// <summary>FC 03/04 answer: address, function, byte count, registers big-endian, CRC low byte first.</summary>
    public static byte[] ReadResponse(byte slave, byte function, params ushort[] registers)
    {
        var pdu = new byte[3 + registers.Length * 2];
        pdu[0] = slave;
        pdu[1] = function;
        pdu[2] = (byte)(registers.Length * 2);
        for (int i = 0; i < registers.Length; i++)
        {
            pdu[3 + i * 2] = (byte)(registers[i] >> 8);
            pdu[4 + i * 2] = (byte)registers[i];
        }

        return WithCrc(pdu);
    }

    public static byte[] Exception(byte slave, byte function, byte code) =>
        WithCrc(slave, (byte)(function | 0x80), code);

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new System.Collections.Generic.List<byte>();
        foreach (var p in parts)
        {
            all.AddRange(p);
        }

        return all.ToArray();
    }

    public static byte[] Hex(string hex)
    {
        hex = hex.Replace(" ", string.Empty);
        var bytes = new byte[hex.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = System.Convert.ToByte(hex.Substring(i * 2, 2), 16);
        }

        return bytes;
    }
}
