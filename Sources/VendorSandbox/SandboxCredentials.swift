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

    /// The seeded CampaignLark workspaces and their bearer keys; a key belongs to one workspace.
    public enum CampaignLark {
        /// The main workspace: fields (first name required), tags, contacts and campaigns.
        public static let workspace = "ws_lark_outfitters"
        /// Key of ``workspace``, written to the accounts file.
        public static let apiKey = "cl_sbx_7d3f9a2c41e8b605"
        /// A second key of ``workspace``: it shares the workspace's rate limit.
        public static let secondaryKey = "cl_sbx_2b8e6c0f93a4d117"
        /// A small second workspace with its own contacts and rate limit.
        public static let otherWorkspace = "ws_lark_labs"
        /// Key of ``otherWorkspace``.
        public static let otherWorkspaceKey = "cl_sbx_labs_5e1c7a9d"
    }

    /// The seeded Reply.io API keys: one per user of the one account. The same key works
    /// as `X-API-Key` on `/v4` routes and as `Authorization: Bearer` on `/v3` routes.
    public enum ReplyIO {
        /// Key of the account's owner (user 42), written to the accounts file.
        public static let apiKey = "rio_sbx_4f7c2a9e1b6d8305"
        /// Key of a teammate (user 57): same account and data, its own rate limit.
        public static let teammateKey = "rio_sbx_teammate_9a3e5c71"
    }

    /// The seeded Replify API keys (`x-api-key`) and campaign UUIDs.
    public enum Replify {
        /// Key of the sandbox account: reaches every campaign in ``campaigns``.
        public static let apiKey = "rpl_sbx_3f9a2c7e51d84b06a1c2"
        /// Key that reaches only ``limitedCampaigns``; the other campaigns answer 403.
        public static let limitedKey = "rpl_sbx_limited_8c41e0d2a7b3"
        /// The account's campaigns, each seeded with contacts.
        public static let campaigns = [
            "0b7e4c1a-5d2f-4a8e-9c3b-6f1d2e7a8b90", "3c9f1e2d-7a4b-4c6e-8d5f-9a0b1c2d3e4f",
            "7e2a9b4c-1d3f-4e5a-b6c7-d8e9f0a1b2c3",
        ]
        /// The campaigns ``limitedKey`` reaches: the first of ``campaigns``.
        public static let limitedCampaigns = [campaigns[0]]
        /// A campaign of another account: exists, but no seeded key may reach it (403).
        public static let foreignCampaign = "9d8c7b6a-5f4e-4d3c-a2b1-0f9e8d7c6b5a"
    }
}
