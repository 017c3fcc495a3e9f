/// Redis Cluster's key → slot rule: CRC16 (XMODEM) of the key, or of its hash tag — the part
/// between the first `{` and the next `}`, when not empty — modulo 16384. Keys that share a tag
/// share a slot, which is what lets a script touch several of them on a cluster.
public enum HashSlot {
    public static let count = 16384

    public static func of(_ key: [UInt8]) -> Int {
        Int(crc16(tagged(key)) % UInt16(count))
    }

    public static func of(_ key: String) -> Int { of(Array(key.utf8)) }

    /// The bytes that decide the slot: the hash tag if there is a non-empty one, else the key.
    public static func hashedPart(of key: [UInt8]) -> [UInt8] { Array(tagged(key)) }

    /// The bytes that are hashed: the hash tag if there is a non-empty one, else the whole key.
    static func tagged(_ key: [UInt8]) -> ArraySlice<UInt8> {
        guard let open = key.firstIndex(of: UInt8(ascii: "{")),
            let close = key[(open + 1)...].firstIndex(of: UInt8(ascii: "}")),
            close > open + 1
        else { return key[...] }
        return key[(open + 1)..<close]
    }

    static func crc16(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var crc: UInt16 = 0
        // Fetched once: a static is checked for initialisation on every access.
        let table = Self.table
        table.withUnsafeBufferPointer { table in
            for byte in bytes { crc = (crc << 8) ^ table[Int(UInt8(crc >> 8) ^ byte)] }
        }
        return crc
    }

    private static let table: [UInt16] = (0..<256).map { index in
        var crc = UInt16(index) << 8
        for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        return crc
    }
}
