import SwitchboardCore
import Testing

@Suite struct ImportMappingTests {
    @Test func headersAutoMapAsAnyreachsUploaderDoes() throws {
        let header = [
            "Phone", "phone_number", "Mobile", "CELL", "tel", "Phone 2", "E-mail Address", "First Name", "firstName",
            "last_name", "External-ID", "contact_id", "TimeZone", "scheduled at", "Status", "tags", "plan",
        ]
        let mapping = try ColumnMapping(header: header.filter { $0 != "firstName" })
        #expect(
            mapping.fields == [
                .phone, .phone, .phone, .phone, .phone, .phone, .email, .firstName, .lastName, .externalID, .id,
                .timezone, .scheduledAt, .status, .tags, .data("plan"),
            ])
        #expect(try ColumnMapping(header: ["firstName", "id"]).fields == [.firstName, .id])
    }

    @Test func unmappedAndNamelessColumnsGoToData() throws {
        #expect(
            try ColumnMapping(header: [" Plan ", "", "telephone"]).fields == [.data("Plan"), .data("column 2"), .phone])
    }

    @Test func explicitMappingOverridesAutoMapping() throws {
        let overrides = try ColumnOverrides(parsing: [
            "Work=phone", "phone=data", "id=external_id", "Notes=data.memo", "junk=skip",
        ])
        let mapping = try ColumnMapping(header: ["phone", "work", "ID", "notes", "junk"], overrides: overrides)
        #expect(mapping.fields == [.data("phone"), .phone, .externalID, .data("memo"), .skip])
    }

    @Test func unknownFieldInMappingIsNamed() {
        #expect(throws: ImportMappingError.unknownField("phne", column: "Mobile")) {
            try ColumnOverrides(parsing: ["Mobile=phne"])
        }
        let message = ImportMappingError.unknownField("phne", column: "Mobile").description
        #expect(message.hasPrefix("mapping for column \"Mobile\": unknown field \"phne\"; fields are email, phone,"))
    }

    @Test func malformedPair() {
        #expect(throws: ImportMappingError.malformedPair("Mobile")) { try ColumnOverrides(parsing: ["Mobile"]) }
        #expect(throws: ImportMappingError.malformedPair("=phone")) { try ColumnOverrides(parsing: ["=phone"]) }
    }

    @Test func mappingAColumnTheHeaderLacks() throws {
        let overrides = try ColumnOverrides(parsing: ["Cellular=phone"])
        #expect(throws: ImportMappingError.unknownColumn("Cellular", header: ["email"])) {
            try ColumnMapping(header: ["email"], overrides: overrides)
        }
    }

    @Test func twoColumnsForOneSingleField() throws {
        #expect(throws: ImportMappingError.duplicateField(.email, columns: ["email", "Email Address"])) {
            try ColumnMapping(header: ["email", "Email Address"])
        }
        let fixed = try ColumnMapping(
            header: ["email", "Email Address"], overrides: try ColumnOverrides(parsing: ["Email Address=skip"]))
        #expect(fixed.fields == [.email, .skip])
    }
}
