using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace QuantumScheduler.Runtime;

/// <summary>
/// XXH32 with seed 0 over the UTF-8 bytes of a string. Orleans hashes grain ids with it; the
/// System.IO.Hashing package is not installable here, and the hash must be identical in every process.
/// </summary>
public static class XxHash32
{
    private const uint Prime1 = 2654435761U;
    private const uint Prime2 = 2246822519U;
    private const uint Prime3 = 3266489917U;
    private const uint Prime4 = 668265263U;
    private const uint Prime5 = 374761393U;

    public static uint Hash(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var rented = length <= 256 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> buffer = rented ?? stackalloc byte[256];
        var written = Encoding.UTF8.GetBytes(value, buffer);
        var hash = Hash(buffer[..written]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    public static uint Hash(ReadOnlySpan<byte> data)
    {
        var length = data.Length;
        uint hash;
        if (data.Length >= 16)
        {
            uint v1 = unchecked(Prime1 + Prime2), v2 = Prime2, v3 = 0, v4 = unchecked(0 - Prime1);
            while (data.Length >= 16)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt32LittleEndian(data));
                v2 = Round(v2, BinaryPrimitives.ReadUInt32LittleEndian(data[4..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt32LittleEndian(data[8..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt32LittleEndian(data[12..]));
                data = data[16..];
            }
            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
        }
        else
        {
            hash = Prime5;
        }

        unchecked
        {
            hash += (uint)length;
            while (data.Length >= 4)
            {
                hash = BitOperations.RotateLeft(hash + BinaryPrimitives.ReadUInt32LittleEndian(data) * Prime3, 17) * Prime4;
                data = data[4..];
            }
            foreach (var b in data)
                hash = BitOperations.RotateLeft(hash + b * Prime5, 11) * Prime1;

            hash ^= hash >> 15;
            hash *= Prime2;
            hash ^= hash >> 13;
            hash *= Prime3;
            hash ^= hash >> 16;
        }
        return hash;
    }

    private static uint Round(uint accumulator, uint lane) =>
        unchecked(BitOperations.RotateLeft(accumulator + lane * Prime2, 13) * Prime1);
}
