/// A credential. It prints as `<redacted>` everywhere (descriptions, dumps, interpolation),
/// so it cannot reach a log line, an error message or the screen by accident;
/// only the transport reads `revealed` to build a header.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The credential itself, for the one place that puts it in a request header.
    public var revealed: String { value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
