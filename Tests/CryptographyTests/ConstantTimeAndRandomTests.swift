import Testing

@testable import Cryptography

struct ConstantTimeAndRandomTests {
    @Test func equalComparesEveryByteAndTheLength() {
        let code = Array(0..<32 as Range<UInt8>)
        #expect(ConstantTime.equal(code, code))
        #expect(ConstantTime.equal([UInt8](), [UInt8]()))
        #expect(!ConstantTime.equal(code, code.dropLast()))
        for position in code.indices {
            var changed = code
            changed[position] ^= 0x01
            #expect(!ConstantTime.equal(code, changed))
        }
    }

    @Test func randomBytesHaveTheAskedLengthAndDiffer() throws {
        #expect(try SecureRandom.bytes(0).isEmpty)
        let first = try SecureRandom.bytes(1000)
        let second = try SecureRandom.bytes(1000)
        #expect(first.count == 1000)
        #expect(first != second)
        // 1000 bytes from a good source take at least 200 distinct values (about 980 expected).
        #expect(Set(first).count > 200)
    }
}

struct HexadecimalTests {
    @Test func roundTripsAndRefusesNonDigits() {
        let bytes = Array(0...255 as ClosedRange<UInt8>)
        #expect(Hexadecimal.bytes(Hexadecimal.text(bytes)) == bytes)
        #expect(Hexadecimal.text([0x0a, 0xff]) == "0aff")
        #expect(Hexadecimal.bytes("0AfF") == [0x0a, 0xff])
        #expect(Hexadecimal.bytes("abc") == nil)
        #expect(Hexadecimal.bytes("zz") == nil)
        #expect(Hexadecimal.bytes("") == [])
    }
}
