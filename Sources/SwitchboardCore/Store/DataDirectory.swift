import Foundation

/// Where Switchboard keeps its database: `$SWITCHBOARD_DATA`, else
/// `$XDG_DATA_HOME/switchboard`, else `~/.local/share/switchboard`.
public enum DataDirectory {
    /// The data directory for this environment; not created here (see `Store.open(directory:)`).
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["SWITCHBOARD_DATA"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/switchboard" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/switchboard"
    }
}
