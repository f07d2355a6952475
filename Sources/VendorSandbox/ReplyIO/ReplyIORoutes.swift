import Hummingbird

extension ReplyIOVendor {
    /// The routes of one version, on a group mounted at `/replyio/{version}`.
    func addRoutes(for version: ReplyIOVersion, to group: RouterGroup<SandboxRequestContext>) {
        group.post("contacts") { request, context in
            let owner = try await authorize(request, version: version)
            let body = try await ReplyIORequests.object(of: request, context: context, emptyMeansAll: false)
            let creation = try ReplyIOContactCreation(body: body, owner: owner)
            let answer = try await store.write { state in
                ReplyIOContactAnswer(try creation.create(in: &state), in: state, version: version)
            }
            return try JSONAnswer.response(answer, status: .created)
        }
        group.post("contacts/filter") { request, context in
            _ = try await authorize(request, version: version)
            let (top, skip) = try ReplyIORequests.paging(of: request)
            let body = try await ReplyIORequests.object(of: request, context: context, emptyMeansAll: true)
            let filter = try ReplyIOContactFilter(body: body)
            return try JSONAnswer.response(
                try await store.read { state in
                    let matches = try filter.matches(in: state)
                    let page = matches.dropFirst(skip).prefix(top)
                    return ReplyIOContactPage(
                        items: page.map { ReplyIOContactAnswer($0, in: state, version: version) },
                        hasMore: skip + page.count < matches.count, totalCount: matches.count)
                })
        }
        group.get("sequences") { request, _ in
            _ = try await authorize(request, version: version)
            let (top, skip) = try ReplyIORequests.paging(of: request)
            return try JSONAnswer.response(
                await store.read { state in
                    let page = state.sequences.dropFirst(skip).prefix(top)
                    return ReplyIOSequencePage(
                        items: page.map { ReplyIOSequenceAnswer($0, version: version) },
                        hasMore: skip + page.count < state.sequences.count)
                })
        }
        group.get("sequences/:id") { request, context in
            _ = try await authorize(request, version: version)
            let text = try context.parameters.require("id")
            guard let id = Int(text), id >= 1 else {
                throw ReplyIOProblem.validation(field: "id", "'\(text)' is not a sequence id (an integer of 1 or more)")
            }
            return try JSONAnswer.response(
                try await store.read { state in ReplyIOSequenceAnswer(try state.sequence(id), version: version) })
        }
    }
}
