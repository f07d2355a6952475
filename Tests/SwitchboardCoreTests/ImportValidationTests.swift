import SwitchboardCore
import Testing

@Suite struct ImportValidationTests {
    @Test(arguments: [
        ("(415) 555-0123", "+14155550123"), ("415.555.0123", "+14155550123"), ("1-415-555-0123", "+14155550123"),
        ("+1 415 555 0123", "+14155550123"), ("0044 20 7946 0958", "+442079460958"),
        ("15551234567", "+15551234567"),
    ])
    func phoneNumbersBecomeE164(raw: String, expected: String) throws {
        #expect(try PhoneNumber.e164(raw, defaultCountryCode: "+1") == expected)
    }

    @Test func nationalNumbersTakeTheDefaultCountryCode() throws {
        #expect(try PhoneNumber.e164("020 7946 0958", defaultCountryCode: "+44") == "+442079460958")
        #expect(try PhoneNumber.e164("030 1234567", defaultCountryCode: "49") == "+49301234567")
    }

    @Test func phoneNumberMistakes() {
        #expect(throws: PhoneNumberError.noCountryCode("415 555 0123")) {
            try PhoneNumber.e164("415 555 0123", defaultCountryCode: nil)
        }
        #expect(throws: PhoneNumberError.unexpectedCharacter("555-0123 ext 4")) {
            try PhoneNumber.e164("555-0123 ext 4", defaultCountryCode: "+1")
        }
        #expect(throws: PhoneNumberError.wrongLength("555 0123", "+1 national numbers have 10 digits; this has 7")) {
            try PhoneNumber.e164("555 0123", defaultCountryCode: "+1")
        }
        #expect(
            throws: PhoneNumberError.wrongLength(
                "+1 415 555 01234", "+1 numbers have 10 digits after the country code; this has 11")
        ) {
            try PhoneNumber.e164("+1 415 555 01234", defaultCountryCode: nil)
        }
        #expect(
            throws: PhoneNumberError.wrongLength(
                "+44 1234 5678 9012 34", "E.164 numbers have at most 15 digits; this has 16")
        ) {
            try PhoneNumber.e164("+44 1234 5678 9012 34", defaultCountryCode: nil)
        }
        #expect(throws: PhoneNumberError.noDigits("--")) { try PhoneNumber.e164("--", defaultCountryCode: "+1") }
        #expect(PhoneNumberError.noCountryCode("415").description.contains("default_country_code"))
    }

    @Test(arguments: ["ada@example.com", "a.b+tag@mail.example.co.uk", "x@xn--bcher-kva.de", "名@例え.jp"])
    func emailsAccepted(email: String) {
        #expect(FieldChecks.email(email) == nil)
    }

    @Test(arguments: [
        ("ada@", "\"ada@\" is not an email address (name@example.com)"),
        ("@example.com", "\"@example.com\" is not an email address (name@example.com)"),
        ("ada example.com", "\"ada example.com\" is not an email address: it contains \" \""),
        ("ada@@example.com", "\"ada@@example.com\" is not an email address: it has more than one @"),
        ("ada@localhost", "\"ada@localhost\" is not an email address: the domain after @ must be like example.com"),
        (
            "ada@example..com",
            "\"ada@example..com\" is not an email address: the domain after @ must be like example.com"
        ),
        (
            "ada@-example.com",
            "\"ada@-example.com\" is not an email address: the domain after @ must be like example.com"
        ),
        (
            "ada@exa_mple.com",
            "\"ada@exa_mple.com\" is not an email address: the domain after @ must be like example.com"
        ),
    ])
    func emailsRefused(email: String, reason: String) {
        #expect(FieldChecks.email(email) == reason)
    }

    @Test func timeZones() {
        #expect(FieldChecks.timezone("America/New_York") == nil)
        #expect(FieldChecks.timezone("UTC") == nil)
        #expect(
            FieldChecks.timezone("Mars/Olympus_Mons")
                == "\"Mars/Olympus_Mons\" is not an IANA time zone (e.g. America/New_York)")
    }

    @Test(arguments: [
        "2026-07-01T17:00:00Z", "2026-07-01T10:00:00.250-07:00", "2026-07-01T17:00Z", "2024-02-29 09:30:00+0530",
    ])
    func isoTimesAccepted(time: String) {
        #expect(FieldChecks.isoTime(time) == nil)
    }

    @Test(arguments: [
        "2026-07-01", "2026-07-01T17:00:00", "2026-13-01T00:00Z", "2025-02-29T00:00Z", "tomorrow 5pm",
        "2026-07-01T24:00Z",
    ])
    func isoTimesRefused(time: String) {
        #expect(
            FieldChecks.isoTime(time) == "\"\(time)\" is not an ISO 8601 time with a zone (e.g. 2026-07-01T17:00:00Z)")
    }

    @Test func statusesPerVendor() {
        #expect(
            (try? Vendor.anyreach.importStatus("In_Progress").get())
                == ContactStatus(raw: "in_progress", normalized: .active))
        #expect(
            (try? Vendor.campaignlark.importStatus("subscribed").get())
                == ContactStatus(raw: "SUBSCRIBED", normalized: .pending))
        #expect(
            (try? Vendor.replify.importStatus("Completed").get())
                == ContactStatus(raw: "completed", normalized: .completed))
        #expect(
            (try? Vendor.replify.importStatus("warm lead").get())
                == ContactStatus(raw: "warm lead", normalized: .unknown))
        #expect(
            (try? Vendor.replyio.importStatus("paused").get()) == ContactStatus(raw: "Paused", normalized: .pending))
        #expect(
            Vendor.anyreach.importStatus("done").failure?.description
                == "\"done\" is not a status Anyreach takes on import (pending, locked, in_progress, completed, exhausted, error)"
        )
        #expect(
            Vendor.campaignlark.importStatus("BOUNCED").failure?.description
                == "\"BOUNCED\" is not a status CampaignLark takes on import (SUBSCRIBED, UNSUBSCRIBED, UNCONFIRMED, CLEANED, COMPLAINED)"
        )
    }

    @Test func vendorRequirements() {
        let bare = Contact(firstName: "Ada")
        #expect(
            Vendor.anyreach.missingRequirement(bare)
                == "Anyreach needs a phone number, an id or an external_id; this row has none")
        #expect(
            Vendor.replify.missingRequirement(bare) == "Replify needs an email or a phone number; this row has neither")
        #expect(
            Vendor.campaignlark.missingRequirement(bare) == "CampaignLark needs an email address; this row has none")
        #expect(
            Vendor.replyio.missingRequirement(bare)
                == "Reply.io needs an email or a LinkedIn URL (column linkedInUrl); this row has neither")
        #expect(Vendor.anyreach.missingRequirement(Contact(vendorID: "3f0c")) == nil)
        #expect(Vendor.anyreach.missingRequirement(Contact(externalID: "crm-1")) == nil)
        #expect(Vendor.replify.missingRequirement(Contact(phoneNumbers: ["+14155550123"])) == nil)
        #expect(Vendor.campaignlark.missingRequirement(Contact(email: "a@b.co")) == nil)
        #expect(
            Vendor.replyio.missingRequirement(Contact(data: ["linkedInUrl": .string("https://linkedin.com/in/ada")]))
                == nil)
    }

    /// Each rule as an import reports it: file, line, column, reason; the valid rows go through.
    @Test func invalidRowsAreReportedAndLeftOut() throws {
        let text = """
            email,phone,timezone,scheduled_at,status,tags,plan
            ada@example.com,(415) 555-0123,America/New_York,2026-07-01T17:00:00Z,SUBSCRIBED,"1, 2",pro
            bad-email,,,,,,
            ok@example.com,,Mars/Base,,,,
            ok2@example.com,,,next week,,,
            ok3@example.com,,,,BOUNCED,,
            ok4@example.com,,,,,vip,
            ,,,,,,basic
            ok5@example.com,555-01,,,,,

            """
        let batches = try ImportFixture.batches(
            text, options: ImportOptions(vendor: .campaignlark, defaultCountryCode: "+1"))
        let batch = try #require(batches.first)
        #expect(batches.count == 1)
        #expect(batch.rowNumbers == [2])
        #expect(
            batch.contacts == [
                Contact(
                    email: "ada@example.com", phoneNumbers: ["+14155550123"],
                    status: ContactStatus(raw: "SUBSCRIBED", normalized: .pending),
                    data: ["plan": .string("pro"), "tags": .array([.number(1), .number(2)])],
                    timezone: "America/New_York",
                    scheduledAt: "2026-07-01T17:00:00Z")
            ])
        let file = batch.problems.first?.file ?? ""
        #expect(
            batch.problems.map(\.description) == [
                "\(file):3: column \"email\": \"bad-email\" is not an email address (name@example.com)",
                "\(file):4: column \"timezone\": \"Mars/Base\" is not an IANA time zone (e.g. America/New_York)",
                "\(file):5: column \"scheduled_at\": \"next week\" is not an ISO 8601 time with a zone (e.g. 2026-07-01T17:00:00Z)",
                "\(file):6: column \"status\": \"BOUNCED\" is not a status CampaignLark takes on import (SUBSCRIBED, UNSUBSCRIBED, UNCONFIRMED, CLEANED, COMPLAINED)",
                "\(file):7: column \"tags\": CampaignLark tags are numeric ids; \"vip\" is not one",
                "\(file):8: CampaignLark needs an email address; this row has none",
                "\(file):9: column \"phone\": \"555-01\" is not a valid E.164 number: +1 national numbers have 10 digits; this has 5",
            ])
    }

    @Test func everyProblemOfARowIsReported() throws {
        let batches = try ImportFixture.batches("email,phone\nnope,12ab\n", options: ImportOptions(vendor: .replify))
        #expect(batches.first?.problems.map(\.column) == ["email", "phone"])
        #expect(batches.first?.contacts.isEmpty == true)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
