import Foundation
import SwitchboardCore
import Testing

@testable import Console

/// The contact form and the removal, message by message.
@Suite struct ContactFormTests {
    @Test func eOpensTheFormWithTheSelectedContactsValues() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        #expect(update(&state, .key(.character("e"))).isEmpty)
        let form = try! #require(state.contactForm)
        #expect(state.keyContext == .contactForm)
        #expect(form.original?.vendorID == "k1" && form.campaignName == "Zoë’s 东京 callbacks 🌸")
        let values = Dictionary(uniqueKeysWithValues: zip(form.fields.map(\.label), form.inputs.map(\.text)))
        #expect(values["Phones"] == "+81312345678" && values["External id"] == "crm-1" && values["First name"] == "王")
        #expect(form.isValid && !form.isChanged)
    }

    @Test func typingGoesToTheFieldNotToTheKeys() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("n")))
        ChangeFixtures.focus(&state, "First name")
        ChangeFixtures.type(&state, "qjk?")
        #expect(!state.quitting && !state.showingHelp)
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "qjk?")
        _ = ChangeFixtures.press(&state, [.delete, .left, .left, .delete])
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "qj?", "Del at the end deletes nothing")
    }

    @Test func phonesAreCheckedAndShownInE164AsTyped() {
        var state = ChangeFixtures.editedFormState(width: 80, height: 24)
        var form = try! #require(state.contactForm)
        let phones = form.fields.firstIndex { $0.label == "Phones" }!
        #expect(form.problem(at: phones) == nil)
        #expect(form.normalized(at: phones) == "+14155550123, +81312345678")
        #expect(form.contact.phoneNumbers == ["+14155550123", "+81312345678"])
        ChangeFixtures.type(&state, ", 555")
        form = state.contactForm!
        #expect(form.problem(at: phones)?.contains("\"555\"") == true)
        #expect(!form.isValid)
    }

    @Test func anInvalidFormCannotBeSentAndSaysWhy() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("e")))
        ChangeFixtures.focus(&state, "Email")
        ChangeFixtures.type(&state, "ana@@example")
        ChangeFixtures.focus(&state, "Scheduled")
        ChangeFixtures.type(&state, "tomorrow")
        ChangeFixtures.focus(&state, "Phones")
        #expect(update(&state, .key(.enter)).isEmpty, "nothing is asked for while invalid")
        #expect(state.contactForm?.stage == .editing)
        #expect(state.status?.isError == true)
        #expect(state.status?.text.hasPrefix("cannot send yet: Email: \"ana@@example\" is not an email address") == true)
        #expect(state.status?.text.hasSuffix("(and 1 more)") == true)
        #expect(state.contactForm?.fields[state.contactForm!.focus].label == "Email", "the focus goes to the first problem")
    }

    @Test func tabCompletesATimeZone() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("n")))
        ChangeFixtures.focus(&state, "Timezone")
        ChangeFixtures.type(&state, "america/los")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "America/Los_Angeles")
        ChangeFixtures.clear(&state)
        ChangeFixtures.type(&state, "Europe/Lo")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "Europe/London")
        ChangeFixtures.clear(&state)
        ChangeFixtures.type(&state, "Europe/B")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.completions.contains("Europe/Berlin") == true)
        let label = state.contactForm!.fields[state.contactForm!.focus].label
        #expect(label == "Timezone", "Tab completes instead of moving on")
    }

    @Test func enterPreviewsTheChangeThenSendsItThroughTheJournal() {
        var state = ChangeFixtures.editedFormState(width: 80, height: 24)
        let effects = update(&state, .key(.enter))
        let form = try! #require(state.contactForm)
        #expect(form.stage == .preview)
        var sent = Fixtures.contacts[0].contact
        sent.firstName = "Wang"
        sent.phoneNumbers = ["+14155550123", "+81312345678"]
        #expect(effects == [.change(.preview(account: "acme-calls", UpsertRequest(campaignID: "c2", contacts: [sent])))])
        #expect(form.differences.map(\.label) == ["Phones", "First name"])
        #expect(form.differences[1].old == "王" && form.differences[1].new == "Wang")

        #expect(update(&state, .key(.enter)).isEmpty, "not sent before the request is shown")
        let preview = ChangeFixtures.client(.anyreach) as! any ContactFormVendor
        _ = update(
            &state,
            .change(.previewed(account: "acme-calls", preview.requestPreview(UpsertRequest(campaignID: "c2", contacts: [sent])), problem: nil)))
        #expect(state.contactForm?.requests?.first?.path == "/campaign/campaigns/c2/contacts")
        #expect(state.contactForm?.requests?.first?.body.contains("\"first_name\": \"Wang\"") == true)
        #expect(state.contactForm?.requests?.first?.body.contains("secret") == false)

        let sending = update(&state, .key(.enter))
        guard case .change(.submit(let change, let summary))? = sending.first else {
            Issue.record("expected a submit, got \(sending)")
            return
        }
        #expect(change.account == "acme-calls" && change.campaignID == "c2" && change.action == .upsert)
        #expect(change.contacts == [sent] && summary == "saved Wang 芳")
        #expect(state.contactForm?.stage == .sending)

        var entry = ChangeFixtures.entry
        entry.state = .done
        entry.contactCount = 1
        entry.answeredCount = 1
        entry.failedCount = 0
        entry.reason = nil
        let row = ChangeFixtures.row(0, sent, outcome: "updated")
        _ = update(&state, .change(.sent(.success(SentChange(entry: entry, first: row, summary: summary)))))
        #expect(state.contactForm == nil)
        #expect(state.status == StatusMessage(text: "saved Wang 芳: journal #12 done, updated", isError: false))
    }

    @Test func aVendorRequirementStopsTheSend() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("n")))
        ChangeFixtures.focus(&state, "First name")
        ChangeFixtures.type(&state, "Nobody")
        _ = update(&state, .key(.enter))
        _ = update(&state, .change(.previewed(account: "acme-calls", [], problem: "Anyreach needs a phone number")))
        #expect(update(&state, .key(.enter)).isEmpty)
        #expect(state.status == StatusMessage(text: "cannot send: Anyreach needs a phone number", isError: true))
        #expect(state.contactForm?.stage == .preview)
    }

    @Test func escapeAsksBeforeDroppingTypedText() {
        var state = ChangeFixtures.editedFormState(width: 80, height: 24)
        _ = update(&state, .key(.enter))
        _ = update(&state, .key(.escape))
        #expect(state.contactForm?.stage == .editing, "Esc on the preview goes back to the form")
        _ = update(&state, .key(.escape))
        #expect(state.contactForm?.stage == .confirmingDiscard && state.keyContext == .confirm)
        _ = update(&state, .key(.character("n")))
        #expect(state.contactForm?.stage == .editing)
        #expect(state.contactForm?.inputs.contains { $0.text == "Wang" } == true, "nothing typed is lost")
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.character("y")))
        #expect(state.contactForm == nil && state.screen == .campaign(id: "c2"))
    }

    @Test func escapeOnAnUntouchedFormJustCloses() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("e")))
        _ = update(&state, .key(.escape))
        #expect(state.contactForm == nil)
    }

    @Test func aFailedSendKeepsTheFormOnThePreview() {
        var state = ChangeFixtures.editedFormState(width: 80, height: 24)
        _ = update(&state, .key(.enter))
        _ = update(&state, .change(.previewed(account: "acme-calls", [], problem: nil)))
        _ = update(&state, .key(.enter))
        _ = update(&state, .change(.sent(.failure(Failure("database is locked")))))
        #expect(state.contactForm?.stage == .preview)
        #expect(state.status?.isError == true && state.status?.text.contains("database is locked") == true)
    }

    @Test func dAsksNamingTheContactAndCampaignThenDeletesThroughTheJournal() {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        #expect(update(&state, .key(.character("d"))).isEmpty)
        let removal = try! #require(state.removal)
        #expect(removal.contact.vendorID == "k1" && removal.action == .delete)
        #expect(removal.campaignName == "Zoë’s 东京 callbacks 🌸")
        #expect(update(&state, .key(.character("j"))).isEmpty && state.campaign?.table.selected == 0, "keys wait for the answer")
        #expect(update(&state, .key(.character("n"))).isEmpty && state.removal == nil)
        _ = update(&state, .key(.character("d")))
        let effects = update(&state, .key(.character("y")))
        guard case .change(.submit(let change, _))? = effects.first else {
            Issue.record("expected a submit, got \(effects)")
            return
        }
        #expect(change.action == .delete && change.contacts.map(\.vendorID) == ["k1"] && change.campaignID == "c2")
        #expect(state.removal == nil)
    }

    @Test func accountsThatCannotChangeContactsSaySo() {
        var state = Fixtures.campaignState(width: 80, height: 24)
        _ = update(&state, .key(.character("e")))
        #expect(state.contactForm == nil)
        #expect(state.status == StatusMessage(text: "Anyreach contacts cannot be changed from here", isError: true))
    }

    @Test func replifysFormMapsStatusAndMetadata() {
        var form = ContactForm(
            account: "r", campaignID: "3f2a", campaignName: "3f2a", fields: ChangeFixtures.fields(.replify), original: nil,
            defaultCountryCode: "+44")
        func set(_ label: String, _ text: String) {
            form.inputs[form.fields.firstIndex { $0.label == label }!] = TextField(text: text)
        }
        set("Email", "jo@example.com")
        set("Phone", "020 7946 0018")
        set("Status", "Completed")
        set("Metadata", "plan=gold; note = call after 5")
        set("Ext id key", "crm")
        set("Ext id value", "77")
        #expect(form.isValid)
        let contact = form.contact
        #expect(contact.phoneNumbers == ["+442079460018"])
        #expect(contact.status == ContactStatus(raw: "completed", normalized: .completed))
        #expect(contact.data == ["plan": .string("gold"), "note": .string("call after 5"), "externalIdKey": .string("crm")])
        #expect(contact.externalID == "77")
        set("Status", "maybe")
        #expect(form.problems == ["Status: \"maybe\" is not a status here (completed, disqualified)"])
    }

    @Test func campaignLarksFormSendsPartialOrFull() {
        var form = ContactForm(
            account: "l", campaignID: "workspace", campaignName: "workspace", fields: ChangeFixtures.fields(.campaignlark),
            original: nil, defaultCountryCode: nil)
        #expect(form.partial)
        form.inputs[form.fields.firstIndex { $0.label == "Update" }!] = TextField(text: "full")
        form.inputs[form.fields.firstIndex { $0.label == "Tags" }!] = TextField(text: "3, 9")
        #expect(!form.partial && form.isValid)
        #expect(form.contact.data["tags"] == .array([.number(3), .number(9)]))
        form.inputs[form.fields.firstIndex { $0.label == "Tags" }!] = TextField(text: "vip")
        #expect(
            form.problems == [
                "Tags: \"vip\": the workspace's tag list is still being read; give the tag's id or wait"
            ])
        form.listsFailed("HTTP 503")
        #expect(
            form.problems == [
                "Tags: \"vip\": the workspace's tag list could not be read (HTTP 503); give the tag's id"
            ])
    }

    @Test func anyreachAgentOverridesGoToTheirOwnColumns() {
        let client = ChangeFixtures.client(.anyreach) as! any ContactFormVendor
        let contact = Contact(phoneNumbers: ["+14155550123"], data: ["agent_id": .string("ag_7"), "tier": .string("gold")])
        let body = client.requestPreview(UpsertRequest(campaignID: "c9", contacts: [contact]))[0].body
        #expect(body.contains("\"agent_id\": \"ag_7\""))
        #expect(body.contains("\"data\": {\n        \"tier\": \"gold\"\n      }"), "agent_id is not duplicated in data: \(body)")
    }

    /// Anyreach's per-contact `agent_config` is its own field: a JSON object, checked as
    /// typed, shown old → new in the preview, and sent as its own column.
    @Test func anyreachAgentConfigIsEditedAsAJSONObject() {
        let before = JSONValue.object(["voice": .string("alloy")])
        let original = Contact(
            vendorID: "k9", externalID: "crm-9", phoneNumbers: ["+14155550123"],
            data: ["agent_config": before, "agent_id": .string("ag_7"), "tier": .string("gold")])
        var form = ContactForm(
            account: "acme-calls", campaignID: "c9", campaignName: "c9", fields: ChangeFixtures.fields(.anyreach),
            original: original, defaultCountryCode: nil)
        let index = try! #require(form.fields.firstIndex { $0.label == "Agent config" })
        #expect(form.fields[index].kind == .jsonObject)
        #expect(form.inputs[index].text == #"{"voice":"alloy"}"#)
        let data = form.fields.firstIndex { $0.label == "Data" }!
        #expect(form.inputs[data].text == "tier=gold", "agent_config and agent_id are not repeated in Data")
        #expect(form.isValid && form.differences.isEmpty)
        #expect(form.contact.data["agent_config"] == before, "unchanged text keeps the value as it was")

        form.inputs[index] = TextField(text: #"{"voice": "nova", "#)
        #expect(form.problems.count == 1)
        #expect(form.problems.first?.hasPrefix("Agent config: invalid JSON at byte") == true)
        form.inputs[index] = TextField(text: #"["nova"]"#)
        #expect(form.problems == [#"Agent config: a JSON object is needed ({"key": value, ...}), not ["nova"]"#])

        form.inputs[index] = TextField(text: #"{"voice": "nova", "speed": 1.5}"#)
        #expect(form.isValid)
        let after = JSONValue.object(["voice": .string("nova"), "speed": .number(1.5)])
        #expect(form.contact.data["agent_config"] == after)
        #expect(form.differences.count == 1)
        #expect(form.differences.first?.label == "Agent config")
        #expect(form.differences.first?.old == #"{"voice":"alloy"}"#)
        #expect(form.differences.first?.new == #"{"speed":1.5,"voice":"nova"}"#)
        let client = ChangeFixtures.client(.anyreach) as! any ContactFormVendor
        let body = client.requestPreview(UpsertRequest(campaignID: "c9", contacts: [form.contact]))[0].body
        #expect(body.contains("\"agent_config\": {\n        \"speed\": 1.5,\n        \"voice\": \"nova\"\n      }"), "\(body)")
        #expect(body.contains("\"data\": {\n        \"tier\": \"gold\"\n      }"), "agent_config is not in data: \(body)")

        form.inputs[index] = TextField(text: "")
        #expect(form.isValid && form.contact.data["agent_config"] == nil, "empty sends no override")
    }

    /// A workspace's lists as `CampaignLarkClient.contactFormLists` reads them.
    static let larkLists = ContactFormLists(
        tags: [
            .init(id: 1, name: "newsletter"), .init(id: 2, name: "vip"), .init(id: 3, name: "webinar-2026"),
            .init(id: 7, name: "événements-paris"), .init(id: 9, name: "vendors"),
        ],
        fields: [
            .init(key: "first_name", label: "First name", kind: .text, required: true, formField: "First name"),
            .init(key: "phone", label: "Phone", kind: .text, required: false, formField: "Phone"),
            .init(key: "company", label: "Company", kind: .text, required: true),
            .init(key: "lifetime_value", label: "Lifetime value", kind: .number, required: false),
            .init(key: "sms_opt_in", label: "SMS opt-in", kind: .boolean, required: false),
            .init(key: "birthday", label: "Birthday", kind: .date, required: false),
            .init(key: "interests", label: "Interests", kind: .list, required: false),
        ])

    /// c2 open on an account with CampaignLark's contact form.
    static func larkState() -> AppState {
        var state = ChangeFixtures.campaignState(width: 80, height: 24)
        state.accounts[0].vendorName = "CampaignLark"
        state.accounts[0].contactFields = ChangeFixtures.fields(.campaignlark)
        return state
    }

    static func set(_ state: inout AppState, _ label: String, _ text: String) {
        ChangeFixtures.focus(&state, label)
        ChangeFixtures.clear(&state)
        ChangeFixtures.type(&state, text)
    }

    /// CampaignLark's form reads the workspace's tags and fields when it opens, works
    /// while they are read (tags by id), then offers a row per field and checks tags and
    /// merge tags against the lists.
    @Test func campaignLarkFormPicksTagsAndFieldsFromTheWorkspaceLists() {
        var state = Self.larkState()
        #expect(update(&state, .key(.character("n"))) == [.change(.fetchFormLists(account: "acme-calls"))])
        #expect(state.contactForm?.lists == .loading)
        Self.set(&state, "Tags", "2, vip")
        #expect(state.contactForm?.hint(at: state.contactForm!.focus).hasSuffix("reading the workspace's tags and fields…") == true)
        #expect(state.contactForm?.problems == ["Tags: \"vip\": the workspace's tag list is still being read; give the tag's id or wait"])
        Self.set(&state, "Email", "ana@example.com")
        Self.set(&state, "First name", "Ana")
        Self.set(&state, "Fields", "company=Acme; shoe_size=9")
        #expect(state.contactForm?.problems.count == 1, "merge tags are unchecked until the list is read")
        let focused = state.contactForm!.fields[state.contactForm!.focus].label

        _ = update(&state, .change(.formListsFetched(account: "other", .success(Self.larkLists))))
        #expect(state.contactForm?.lists == .loading, "another account's lists are not this form's")
        _ = update(&state, .change(.formListsFetched(account: "acme-calls", .success(Self.larkLists))))
        var form = try! #require(state.contactForm)
        #expect(form.vendorLists == Self.larkLists)
        #expect(state.contactFormLists["acme-calls"] == Self.larkLists)
        #expect(
            form.fields.map(\.label) == [
                "Email", "First name", "Last name", "Phone", "Status", "Tags", "Company", "Lifetime value", "SMS opt-in",
                "Birthday", "Interests", "Fields", "Update",
            ])
        #expect(form.fields[form.focus].label == focused, "the focus stays on the field it was on")
        let value = { (label: String) in form.inputs[form.fields.firstIndex { $0.label == label }!].text }
        #expect(value("Company") == "Acme", "a pair typed for a field with a row moves to it")
        #expect(value("Fields") == "shoe_size=9")
        #expect(
            form.problems == [
                "Fields: \"shoe_size\" is not a merge tag in this workspace's field list",
            ])

        Self.set(&state, "Fields", "")
        Self.set(&state, "Company", "")
        Self.set(&state, "First name", "")
        #expect(
            state.contactForm?.problems == [
                "First name: required in this workspace (first_name) on a create or a full replace",
                "Company: required in this workspace (company) on a create or a full replace",
            ])
        Self.set(&state, "First name", "Ana")
        Self.set(&state, "Company", "Acme")
        Self.set(&state, "Tags", "2, vipp")
        #expect(state.contactForm?.problems == ["Tags: \"vipp\" is not a tag in this workspace (Tab lists them)"])
        Self.set(&state, "Tags", "42")
        #expect(state.contactForm?.problems == ["Tags: \"42\" is not a tag in this workspace (Tab lists them)"])

        // Tab completes the last tag from the list; where several match and share no
        // longer start, each Tab shows the next one.
        Self.set(&state, "Tags", "web")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "webinar-2026")
        Self.set(&state, "Tags", "newsletter, v")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "newsletter, vip")
        #expect(state.contactForm?.completions == ["vip", "vendors"])
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "newsletter, vendors")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "newsletter, vip")
        ChangeFixtures.type(&state, ", é")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.inputs[state.contactForm!.focus].text == "newsletter, vip, événements-paris")
        #expect(state.contactForm?.completions == [])
        ChangeFixtures.type(&state, ", NEWS")
        _ = update(&state, .key(.tab))
        #expect(state.contactForm?.completions == [], "a tag already chosen is not offered again")
        Self.set(&state, "Tags", "newsletter, VIP, 7")

        // Each field's type is checked as typed.
        Self.set(&state, "Lifetime value", "12,5")
        Self.set(&state, "SMS opt-in", "yes")
        Self.set(&state, "Birthday", "1990-02-30")
        #expect(
            state.contactForm?.problems == [
                "Lifetime value: \"12,5\" is not a number", "SMS opt-in: \"yes\": true or false",
                "Birthday: \"1990-02-30\" is not a date (YYYY-MM-DD)",
            ])
        Self.set(&state, "Lifetime value", "1250.5")
        Self.set(&state, "SMS opt-in", "true")
        Self.set(&state, "Birthday", "1990-02-28")
        Self.set(&state, "Interests", "golf, jazz")
        form = try! #require(state.contactForm)
        #expect(form.isValid)
        let contact = form.contact
        #expect(contact.data["company"] == .string("Acme"))
        #expect(contact.data["lifetime_value"] == .number(1250.5))
        #expect(contact.data["sms_opt_in"] == .bool(true))
        #expect(contact.data["birthday"] == .string("1990-02-28"))
        #expect(contact.data["interests"] == .array([.string("golf"), .string("jazz")]))
        #expect(
            contact.data["tags"]
                == .array([
                    .object(["id": .number(1), "name": .string("newsletter")]),
                    .object(["id": .number(2), "name": .string("vip")]),
                    .object(["id": .number(7), "name": .string("événements-paris")]),
                ]))
        #expect(form.differences.first { $0.label == "Tags" }?.new == "newsletter, vip, événements-paris")
        let client = ChangeFixtures.client(.campaignlark) as! any ContactFormVendor
        let body = client.requestPreview(UpsertRequest(campaignID: "c2", partial: true, contacts: [contact]))[0].body
        #expect(body.contains("\"tags\": [\n    1,\n    2,\n    7\n  ]"), "\(body)")
        #expect(body.contains("\"lifetime_value\": 1250.5") && body.contains("\"sms_opt_in\": true"), "\(body)")

        // Closed and opened again: the lists as last read serve at once, and are read again.
        state.contactForm = nil
        #expect(update(&state, .key(.character("n"))) == [.change(.fetchFormLists(account: "acme-calls"))])
        #expect(state.contactForm?.vendorLists == Self.larkLists)
        #expect(state.contactForm?.fields.count == 13)
        _ = update(&state, .change(.formListsFetched(account: "acme-calls", .success(Self.larkLists))))
        #expect(state.contactForm?.fields.count == 13, "rows are not added twice")
    }

    /// The lists cannot be read: the form says so and still sends, tags by id and the
    /// contact's own tags by name.
    @Test func campaignLarkFormWorksWithoutTheLists() {
        var state = Self.larkState()
        let original = Contact(
            vendorID: "k1", email: "ana@example.com",
            data: ["tags": .array([.object(["id": .number(2), "name": .string("vip")])]), "company": .string("Acme")])
        var form = ContactForm(
            account: "acme-calls", campaignID: "c2", campaignName: "c2", fields: ChangeFixtures.fields(.campaignlark),
            original: original, defaultCountryCode: nil)
        let tags = form.fields.firstIndex { $0.label == "Tags" }!
        #expect(form.inputs[tags].text == "vip")
        #expect(form.inputs[form.fields.firstIndex { $0.label == "Fields" }!].text == "company=Acme")
        state.contactForm = form
        _ = update(&state, .change(.formListsFetched(account: "acme-calls", .failure(Failure("HTTP 503: unavailable")))))
        form = try! #require(state.contactForm)
        #expect(form.lists == .unavailable("HTTP 503: unavailable"))
        #expect(form.hint(at: tags).hasSuffix("tag and field lists unavailable (HTTP 503: unavailable): tags by id, merge tags unchecked"))
        form.inputs[tags] = TextField(text: "VIP, 5")
        #expect(form.isValid)
        #expect(form.contact.data["tags"] == .array([.object(["id": .number(2), "name": .string("vip")]), .number(5)]))
        form.inputs[tags] = TextField(text: "vip, trial")
        #expect(form.problems == ["Tags: \"trial\": the workspace's tag list could not be read (HTTP 503: unavailable); give the tag's id"])
        _ = form.complete()
        form.focus = tags
        form.inputs[tags] = TextField(text: "v")
        _ = form.complete()
        #expect(form.inputs[tags].text == "vip", "Tab completes from the contact's own tags")
    }

    /// The CampaignLark form while the lists are read, then with a row per workspace field
    /// and a tag the workspace does not know.
    @Test(arguments: GoldenScreenTests.sizes) func campaignLarkFormGolden(width: Int, height: Int) {
        var state = Self.larkState()
        _ = update(&state, .resize(width: width, height: height))
        _ = update(&state, .key(.character("n")))
        Self.set(&state, "Email", "ana@example.com")
        Self.set(&state, "Tags", "vip")
        expectGolden(state, "form-campaignlark-reading")
        _ = update(&state, .change(.formListsFetched(account: "acme-calls", .success(Self.larkLists))))
        Self.set(&state, "Tags", "vip, vipp")
        expectGolden(state, "form-campaignlark-lists")
    }

    /// A partial update of a contact may leave a required field out; a full replace may not.
    @Test func workspaceRequiredFieldsCountOnCreatesAndFullReplaces() {
        let original = Contact(vendorID: "k1", firstName: "Ana", email: "ana@example.com")
        var form = ContactForm(
            account: "acme-calls", campaignID: "c2", campaignName: "c2", fields: ChangeFixtures.fields(.campaignlark),
            original: original, defaultCountryCode: nil)
        form.apply(Self.larkLists)
        #expect(form.partial && form.isValid, "partial: Company may stay out")
        form.inputs[form.fields.firstIndex { $0.label == "Update" }!] = TextField(text: "full")
        #expect(form.problems == ["Company: required in this workspace (company) on a create or a full replace"])
        form.inputs[form.fields.firstIndex { $0.label == "Company" }!] = TextField(text: "Acme")
        #expect(form.isValid)
    }
}
