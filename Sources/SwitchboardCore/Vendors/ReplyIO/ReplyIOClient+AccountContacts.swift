/// Reply.io's contacts belong to the account; a sequence lists the contacts enrolled in it.
extension ReplyIOClient: AccountContactsVendor {
    public var accountContacts: AccountContacts {
        AccountContacts(campaignID: Self.account.id, name: Self.account.name, campaignsListContacts: true)
    }
}
