extension AnyreachState {
    /// One page of a bucket's contacts in the order they were added.
    func contactPage(in bucket: ContactBucket, statuses: [ContactStatus], limit: Int, offset: Int) -> ContactPage {
        let campaignID = bucket.campaignID
        let matching = contacts.filter { contact in
            contact.campaignID == campaignID && (statuses.isEmpty || statuses.contains(contact.status))
        }
        let start = min(offset, matching.count)
        let page = Array(matching[start..<min(matching.count, start + limit)])
        return ContactPage(contacts: page, total: matching.count, limit: limit, offset: offset)
    }

    func contact(_ reference: String, in bucket: ContactBucket) throws -> Contact {
        contacts[try contactIndex(reference, in: bucket)]
    }

    mutating func deleteContact(_ reference: String, in bucket: ContactBucket) throws -> DeletionAnswer {
        let index = try contactIndex(reference, in: bucket)
        return DeletionAnswer(id: contacts.remove(at: index).id)
    }
}
