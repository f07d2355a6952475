/// Anyreach's ad-hoc contacts belong to no campaign: `default` on the contacts routes
/// (`anyreach-campaigns-api.md`, "Resolving by external_id"). Its campaigns hold and take
/// their own contacts; the stats and lifecycle routes have no `default`. Numbers added under
/// `default` get no configuration's `default_country_code`, so they must be E.164.
extension AnyreachClient: AccountContactsVendor {
    public static let adHocContacts = AccountContacts(
        campaignID: "default", name: "Ad-hoc contacts", campaignsListContacts: true, campaignsTakeContacts: true,
        phonesNeedCountryCode: true)

    public var accountContacts: AccountContacts { Self.adHocContacts }
}
