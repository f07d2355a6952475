import Hummingbird
import NIOCore

/// The request context of every sandbox route; keeps the channel so an injected `reset`
/// fault can drop the connection.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Room for 5000 inline contacts with generous `data`.
    var maxUploadSize: Int { 32 * 1024 * 1024 }
}
