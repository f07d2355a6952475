import Testing

@testable import VendorSandbox

@Suite struct PhoneNumbersTests {
    @Test(arguments: [
        ("+1 (415) 555-0123", "+1", "+14155550123"),
        ("415.555.0123", "+1", "+14155550123"),
        ("1-415-555-0123", "+1", "+14155550123"),
        ("0044 7700 900123", "+1", "+447700900123"),
        ("07700 900123", "+44", "+447700900123"),
        ("7700900123", "+44", "+447700900123"),
        ("+33 6 12 34 56 78", "+44", "+33612345678"),
    ])
    func normalizesToE164(raw: String, countryCode: String, expected: String) {
        #expect(PhoneNumbers.normalize(raw, countryCode: countryCode) == expected)
    }

    @Test(arguments: [
        "abc", "12", "555-0123", "2-415-555-0123", "+1234567", "+1234567890123456", "+0441234567", "41555501x3",
    ])
    func rejectsWhatCannotBeE164(raw: String) {
        #expect(PhoneNumbers.normalize(raw, countryCode: "+1") == nil)
    }

    @Test func withoutCountryCodeOnlyE164Passes() {
        #expect(PhoneNumbers.normalize("+1 415 555 0123", countryCode: nil) == "+14155550123")
        #expect(PhoneNumbers.normalize("4155550123", countryCode: nil) == nil)
        #expect(PhoneNumbers.normalize("0044 7700 900123", countryCode: nil) == nil)
    }
}
