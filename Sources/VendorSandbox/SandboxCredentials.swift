/// The credentials seeded into the sandbox, for tests and the generated accounts file.
public enum SandboxCredentials {
    /// The seeded Anyreach organization and its tokens.
    public enum Anyreach {
        /// The one organization the sandbox serves.
        public static let organization = "org_sandbox"
        /// Org API key with `campaigns:manage` and `concurrency:manage`.
        public static let orgKey = "ak_sbx1.orgsecret"
        /// Personal token with every scope; needs `X-Anyreach-Org: org_sandbox`.
        public static let personalToken = "pat_sbx_personal"
        /// Org API key with `campaigns:read` and `concurrency:read` only.
        public static let readOnlyKey = "ak_sbx2.readonly"
    }
}
