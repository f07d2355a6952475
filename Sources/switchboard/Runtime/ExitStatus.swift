import ArgumentParser
import SwitchboardCore

/// The exit statuses scripts rely on.
enum ExitStatus {
    /// Everything asked for was done.
    static let success: Int32 = 0
    /// Some contacts failed or were rejected, or the vendor refused the request itself
    /// (not found, invalid) for a reason other than authentication.
    static let partialFailure: Int32 = 1
    /// A usage or configuration error: bad arguments, the accounts file, an unsupported operation.
    static let usage: Int32 = 2
    /// The vendor refused the credential or the permission (401, 403).
    static let refused: Int32 = 3
    /// The vendor could not be reached after retries; journaled changes wait for replay.
    static let unreachable: Int32 = 4

    /// The status and the one-line message for an error that ended a command.
    static func of(_ error: any Error) -> (status: Int32, message: String) {
        switch error {
        case let failure as CommandFailure:
            return (failure.status, failure.message)
        case let error as ConfigError:
            return (usage, error.description)
        case let error as ImportProblem:
            return (usage, error.description)
        case let error as ImportMappingError:
            return (usage, "--map: \(error.description)")
        case let error as VendorUnreachable:
            return (unreachable, error.description + "; journaled changes wait for `switchboard journal replay`")
        case let error as VendorError:
            switch error {
            case .http(let status, _, _) where status == 401 || status == 403:
                return (refused, "the vendor refused access: \(error.description)")
            case .unsupported(let message):
                return (usage, message)
            case .invalidRequest:
                return (usage, error.description)
            default:
                return (partialFailure, error.description)
            }
        case let error as JournalError:
            return (usage, error.description)
        default:
            return (partialFailure, String(describing: error))
        }
    }
}

/// A failure a command reports with a chosen status.
struct CommandFailure: Error, CustomStringConvertible {
    var status: Int32
    var message: String

    var description: String { message }

    /// An operation the account's vendor lacks.
    static func unsupported(_ what: String, by vendor: Vendor) -> CommandFailure {
        CommandFailure(status: ExitStatus.usage, message: "\(what) is not supported by \(vendor.displayName)")
    }

    /// Bad input the argument parser could not catch.
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(status: ExitStatus.usage, message: message)
    }
}
