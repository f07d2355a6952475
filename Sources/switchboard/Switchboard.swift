import ArgumentParser

/// The `switchboard` command: one console over several vendors' campaign systems.
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A terminal console for outbound contact campaigns across vendors.",
        discussion: """
            Accounts are read from $SWITCHBOARD_CONFIG, else $XDG_CONFIG_HOME/switchboard/config.toml, \
            else ~/.config/switchboard/config.toml.
            """,
        subcommands: [SandboxCommand.self, JournalCommand.self]
    )
}
