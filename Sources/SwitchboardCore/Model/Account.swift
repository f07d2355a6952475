/// Where an account's credential comes from. The value itself lives in a `Secret`.
public enum CredentialSource: Sendable, Equatable, CustomStringConvertible {
    /// `token = "..."` in the accounts file (allowed only when the file is mode 0600).
    case inline
    /// `token_env = "NAME"`: read from the environment variable `NAME`.
    case environment(String)
    /// `token_command = "..."`: the first line this shell command prints.
    case command(String)

    public var description: String {
        switch self {
        case .inline: "inline token (config file)"
        case .environment(let name): "environment variable \(name)"
        case .command(let command): "command `\(command)`"
        }
    }
}

/// One vendor account from the accounts file: which vendor, where, and with what credential.
public struct Account: Sendable, Equatable {
    /// The account's name in the accounts file (`[accounts.NAME]`).
    public var name: String
    public var vendor: Vendor
    /// The server the client talks to; routes are appended to it.
    public var baseURL: String
    public var credentialSource: CredentialSource
    public var credential: Secret
    /// Anyreach personal (`pat_`) tokens only: the organization sent as `X-Anyreach-Org`.
    public var organization: String?
    /// The country code for national-format phone numbers, e.g. `+1`.
    public var defaultCountryCode: String?
    /// Replify only: the campaign UUIDs the operator wants to see.
    public var campaigns: [String]
    /// Reply.io only: the API version, `v4` (`X-API-Key`, the default when nil) or `v3`
    /// (`Authorization: Bearer`).
    public var apiVersion: String?
    /// `readonly = true`: the console offers no change to this account's data.
    public var readonly: Bool

    public init(
        name: String, vendor: Vendor, baseURL: String? = nil, credentialSource: CredentialSource = .inline,
        credential: Secret, organization: String? = nil, defaultCountryCode: String? = nil,
        campaigns: [String] = [], apiVersion: String? = nil, readonly: Bool = false
    ) {
        self.name = name
        self.vendor = vendor
        self.baseURL = baseURL ?? vendor.defaultBaseURL
        self.credentialSource = credentialSource
        self.credential = credential
        self.organization = organization
        self.defaultCountryCode = defaultCountryCode
        self.campaigns = campaigns
        self.apiVersion = apiVersion
        self.readonly = readonly
    }
}
