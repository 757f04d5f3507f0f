namespace Charger.Metering.Tests.Support;

/// <summary>
/// A block of registers written as the bytes a datasheet shows on the wire ("AF40 0001"), so each profile
/// test states byte and word order literally instead of computing it with the code under test.
/// </summary>
public sealed class RegisterImage
{
    private readonly ushort[] _registers;

    public RegisterImage(int count) => _registers = new ushort[count];

    public ushort[] Registers => _registers;

    /// <summary>Puts the hex words (big-endian bytes, as on the wire) starting at register offset.</summary>
    public RegisterImage At(int offset, string wireHex)
    {
        byte[] bytes = Frames.Hex(wireHex);
        for (int i = 0; i < bytes.Length / 2; i++)
        {
            _registers[offset + i] = (ushort)((bytes[i * 2] << 8) | bytes[i * 2 + 1]);
        }

        return this;
    }

    public byte[] AsResponse(byte slave, byte function) => Frames.ReadResponse(slave, function, _registers);
}
