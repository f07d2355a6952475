/// CampaignLark's contacts belong to the workspace; its campaigns (email sends) hold none.
extension CampaignLarkClient: AccountContactsVendor {
    public var accountContacts: AccountContacts {
        AccountContacts(campaignID: Self.workspace.id, name: Self.workspace.name, campaignsListContacts: false)
    }
}
