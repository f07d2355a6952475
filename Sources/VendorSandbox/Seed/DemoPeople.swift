/// Names and phone numbers for demo contacts: realistic, international, and a few hostile
/// strings the console must show escaped.
enum DemoPeople {
    static let firstNames = [
        "Ada", "Grace", "Dana", "Marcus", "Priya", "Liam", "Olivia", "Noah", "Emma", "Mateo", "Sofia", "Ethan",
        "Chloe", "Aarav", "Fatima", "Kenji", "Ingrid", "Tomás", "Zoë", "José", "Łukasz", "Søren", "Amélie",
        "Björn", "Çağla", "Nguyễn", "王芳", "李伟", "佐藤", "美咲", "Дмитрий", "Ana 🌻", "Léa", "Oğuz", "Siobhán",
        "Małgorzata", "Jürgen", "Zoltán", "Chidi", "Aroha",
    ]

    static let lastNames = [
        "Lovelace", "Hopper", "Scully", "Okafor", "Patel", "Murphy", "García", "Müller", "Nowak", "Rossi",
        "Johansson", "Kowalski", "Dubois", "Silva", "Tanaka", "Kim", "O'Brien", "Núñez", "Østergaard",
        "van der Berg", "Smith-Jones", "Wójcik", "Ferreira", "Haddad", "田中", "陈", "Иванова", "Ng", "Lee",
        "Brown",
    ]

    /// Names that try to break a terminal: an ANSI colour escape, a bidi override, a newline.
    static let hostileNames = [
        ("Eve\u{1b}[31m", "Red"), ("Mallory\u{202e}", "Reversed"), ("Trent\nNewline", "Breaker"),
        ("Bobby'); DROP TABLE contacts;--", "Tables"),
    ]

    static let usAreaCodes = ["212", "415", "312", "617", "206", "303", "512", "646", "702", "919"]

    /// A fictional North American number in the 555-0100…0199 range.
    static func usPhone(using generator: inout SeededGenerator) -> String {
        let area = usAreaCodes.randomElement(using: &generator)!
        return "+1\(area)55501\(twoDigits(Int.random(in: 0...99, using: &generator)))"
    }

    /// A fictional UK mobile number in the 07700 900000…900999 range.
    static func ukPhone(using generator: inout SeededGenerator) -> String {
        let line = Int.random(in: 0...999, using: &generator)
        return "+447700900" + String(repeating: "0", count: 3 - String(line).count) + String(line)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
