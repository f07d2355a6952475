/// The model of the imitated CampaignLark API (`campaignlark-contacts-upsert.md` and the
/// CampaignLark part of `NOTES.md`): workspaces holding fields with merge tags, tags,
/// contacts and campaigns. ``CampaignLarkVendor`` serves it under `/campaignlark`.
enum CampaignLark {}
