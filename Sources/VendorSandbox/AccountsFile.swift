extension Sandbox {
    /// The Switchboard accounts TOML for the seeded accounts of a sandbox at `host:port`
    /// (a wildcard host such as `0.0.0.0` is written as 127.0.0.1).
    public func accountsFile(host: String, port: Int) -> String {
        let reachable = ["0.0.0.0", "::", "[::]", ""].contains(host) ? "127.0.0.1" : host
        let root = "http://\(reachable):\(port)"
        let anyreach = "\(root)/anyreach"
        let replifyCampaigns = SandboxCredentials.Replify.campaigns.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            # Switchboard accounts for the vendor sandbox at \(root)
            [accounts.sandbox-anyreach]
            vendor = "anyreach"
            base_url = "\(anyreach)"
            token = "\(SandboxCredentials.Anyreach.orgKey)"
            default_country_code = "+1"

            [accounts.sandbox-anyreach-personal]
            vendor = "anyreach"
            base_url = "\(anyreach)"
            token = "\(SandboxCredentials.Anyreach.personalToken)"
            org = "\(SandboxCredentials.Anyreach.organization)"
            default_country_code = "+1"

            [accounts.sandbox-anyreach-readonly]
            vendor = "anyreach"
            base_url = "\(anyreach)"
            token = "\(SandboxCredentials.Anyreach.readOnlyKey)"
            default_country_code = "+1"

            [accounts.sandbox-campaignlark]
            vendor = "campaignlark"
            base_url = "\(root)/campaignlark"
            token = "\(SandboxCredentials.CampaignLark.apiKey)"

            [accounts.sandbox-replify]
            vendor = "replify"
            base_url = "\(root)/replify"
            token = "\(SandboxCredentials.Replify.apiKey)"
            campaigns = [\(replifyCampaigns)]

            [accounts.sandbox-replyio]
            vendor = "replyio"
            base_url = "\(root)/replyio"
            token = "\(SandboxCredentials.ReplyIO.apiKey)"
            api_version = "v4"

            """
    }
}
