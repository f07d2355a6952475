import NIOCore

/// Writes JSON bytes by hand for answers too large to go through `JSONEncoder` cheaply (the
/// upsert answer of a thousand contact ids), byte for byte as `JSONAnswer.encoder()` writes
/// them: no whitespace, slashes and non-ASCII as they are, `"` and `\` escaped, control
/// characters as `\b \t \n \f \r` or `\u00xx`.
struct JSONBytesWriter {
    private(set) var buffer: ByteBuffer

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    mutating func raw(_ text: StaticString) {
        buffer.writeStaticString(text)
    }

    mutating func integer(_ value: Int) {
        buffer.writeString(String(value))
    }

    mutating func string(_ value: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var plain = 0  // start of the bytes not written yet
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                buffer.writeBytes(UnsafeBufferPointer(rebasing: utf8[plain..<index]))
                plain = index + 1
                switch byte {
                case 0x22: buffer.writeStaticString("\\\"")
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x08: buffer.writeStaticString("\\b")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0C: buffer.writeStaticString("\\f")
                case 0x0D: buffer.writeStaticString("\\r")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    buffer.writeStaticString("\\u00")
                    buffer.writeInteger(hex.utf8Start[Int(byte >> 4)])
                    buffer.writeInteger(hex.utf8Start[Int(byte & 0x0F)])
                }
            }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// `[a,b,...]` with `element` writing each one.
    mutating func array<Element>(_ elements: [Element], _ element: (inout JSONBytesWriter, Element) -> Void) {
        buffer.writeInteger(UInt8(ascii: "["))
        for (index, item) in elements.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            element(&self, item)
        }
        buffer.writeInteger(UInt8(ascii: "]"))
    }
}
