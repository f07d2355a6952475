/// Which Reply.io API an account speaks, set by `api_version` in the accounts file. It
/// fixes the route prefix and how the key is sent: v4 (the reference page, the default)
/// with `X-API-Key`, v3 (the vendor's newer documentation) with `Authorization: Bearer`.
public enum ReplyIOAPIVersion: String, Sendable, CaseIterable {
    case v4
    case v3

    /// The version an account without `api_version` uses.
    public static let standard = ReplyIOAPIVersion.v4

    /// The header that carries the key.
    func credentialHeader(_ key: Secret) -> (String, String) {
        switch self {
        case .v4: ("X-API-Key", key.revealed)
        case .v3: ("Authorization", "Bearer \(key.revealed)")
        }
    }
}
