import Foundation

extension AnyreachState {
    mutating func createConfiguration(_ fields: ConfigurationFields) throws -> Configuration {
        let name = fields.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !name.isEmpty else { throw AnyreachError.unprocessable("Field required: name (a non-empty string)") }
        var configuration = Configuration(
            id: ids.uuid(), name: name, defaultTimezone: "America/New_York",
            defaultWindows: Configuration.weekdayWindows, overrides: [:], scheduledWindows: [],
            scheduledOverrides: [:], retryLimit: Self.defaultRetryLimit, defaultCountryCode: "+1", agentID: nil,
            agentNumber: nil, createdAt: now, updatedAt: now)
        try Self.apply(fields, at: now, to: &configuration)
        configurations.append(configuration)
        return configuration
    }

    mutating func changeConfiguration(_ id: String, _ fields: ConfigurationFields) throws -> Configuration {
        let index = try configurationIndex(id)
        if let name = fields.name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw AnyreachError.unprocessable("name must not be empty")
        }
        try Self.apply(fields, at: now, to: &configurations[index])
        return configurations[index]
    }

    mutating func deleteConfiguration(_ id: String) throws -> DeletionAnswer {
        let index = try configurationIndex(id)
        let configurationID = configurations[index].id
        if let user = campaigns.first(where: { $0.configurationID == configurationID }) {
            throw AnyreachError.conflict(
                "Configuration is used by campaign \(user.name) (\(user.id)); point the campaign elsewhere first")
        }
        configurations.remove(at: index)
        return DeletionAnswer(id: configurationID)
    }

    private static func apply(_ fields: ConfigurationFields, at now: Date, to configuration: inout Configuration) throws
    {
        if let name = fields.name { configuration.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let timezone = fields.defaultTimezone {
            try ConfigurationRules.checkTimezone(timezone, field: "default_timezone")
            configuration.defaultTimezone = timezone
        }
        if let windows = fields.defaultWindows {
            try ConfigurationRules.check(windows, field: "default_windows")
            configuration.defaultWindows = windows
        }
        if let overrides = fields.overrides {
            for (timezone, windows) in overrides {
                try ConfigurationRules.checkTimezone(timezone, field: "overrides")
                try ConfigurationRules.check(windows, field: "overrides.\(timezone)")
            }
            configuration.overrides = overrides
        }
        if let windows = fields.scheduledWindows {
            try ConfigurationRules.check(windows, field: "scheduled_windows")
            configuration.scheduledWindows = windows
        }
        if let overrides = fields.scheduledOverrides {
            for (timezone, windows) in overrides {
                try ConfigurationRules.checkTimezone(timezone, field: "scheduled_overrides")
                try ConfigurationRules.check(windows, field: "scheduled_overrides.\(timezone)")
            }
            configuration.scheduledOverrides = overrides
        }
        if let retryLimit = fields.retryLimit {
            guard ConfigurationRules.retryLimits.contains(retryLimit) else {
                throw AnyreachError.unprocessable(
                    "retry_limit must be from 0 to \(ConfigurationRules.retryLimits.upperBound)")
            }
            configuration.retryLimit = retryLimit
        }
        if let code = fields.defaultCountryCode {
            try ConfigurationRules.checkCountryCode(code)
            configuration.defaultCountryCode = code
        }
        switch fields.agentID {
        case .absent: break
        case .null: configuration.agentID = nil
        case .value(let agentID): configuration.agentID = agentID
        }
        switch fields.agentNumber {
        case .absent: break
        case .null: configuration.agentNumber = nil
        case .value(let agentNumber): configuration.agentNumber = agentNumber
        }
        configuration.updatedAt = now
    }
}

/// What a configuration's fields must look like.
enum ConfigurationRules {
    static let retryLimits = 0...20
    static let days: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func checkTimezone(_ timezone: String, field: String) throws {
        guard TimeZone(identifier: timezone) != nil else {
            throw AnyreachError.unprocessable("\(field): unknown timezone \(timezone)")
        }
    }

    static func checkCountryCode(_ code: String) throws {
        let digits = code.dropFirst()
        guard code.hasPrefix("+"), (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            digits.first != "0"
        else { throw AnyreachError.unprocessable("default_country_code must look like +1 or +44, not \(code)") }
    }

    static func check(_ windows: [CallWindow], field: String) throws {
        for window in windows {
            guard !window.days.isEmpty, window.days.allSatisfy(days.contains) else {
                throw AnyreachError.unprocessable("\(field): days must be among mon, tue, wed, thu, fri, sat, sun")
            }
            try checkTime(window.start, field: field)
            try checkTime(window.end, field: field)
        }
    }

    static func check(_ windows: [ScheduledWindow], field: String) throws {
        for window in windows {
            let parts = window.date.split(separator: "-")
            guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
                parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { throw AnyreachError.unprocessable("\(field): date must be YYYY-MM-DD, not \(window.date)") }
            try checkTime(window.start, field: field)
            try checkTime(window.end, field: field)
        }
    }

    private static func checkTime(_ time: String, field: String) throws {
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]),
            let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else { throw AnyreachError.unprocessable("\(field): times must be HH:MM, not \(time)") }
    }
}
