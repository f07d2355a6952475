import Foundation
import SwitchboardCore

extension AppState {
    /// The name a dialog or the status line gives a contact.
    static func name(of contact: Contact) -> String {
        let name = contact.displayName
        if !name.isEmpty { return name }
        return contact.email ?? contact.phoneNumbers.first ?? contact.externalID ?? contact.vendorID ?? "the contact"
    }

    /// The open campaign's name, else its id.
    func campaignName(_ id: String) -> String {
        campaignRows.first(where: { $0.id == id })?.name ?? id
    }

    /// The contact `e` and `d` act on: the one on screen, else the selected row.
    private var targetContact: (campaignID: String, contact: Contact)? {
        switch screen {
        case .contact(let campaignID, let key): contact(key: key).map { (campaignID, $0.contact) }
        case .campaign(let id): selectedContact.map { (id, $0.contact) }
        default: nil
        }
    }

    /// `n` and `e`: the form for a new contact, or for the selected one.
    mutating func openContactForm(new: Bool) -> [Effect] {
        guard let account else { return [] }
        guard account.capabilities.contains(.upsert), !account.contactFields.isEmpty else {
            status = StatusMessage(text: "\(account.vendorName) contacts cannot be changed from here", isError: true)
            return []
        }
        let campaignID: String
        var original: Contact?
        if new {
            guard case .campaign(let id) = screen else { return [] }
            campaignID = id
        } else {
            guard let target = targetContact else {
                status = StatusMessage(text: "no contact selected", isError: true)
                return []
            }
            campaignID = target.campaignID
            original = target.contact
        }
        var form = ContactForm(
            account: account.name, campaignID: campaignID, campaignName: campaignName(campaignID),
            fields: account.contactFields, original: original, defaultCountryCode: account.defaultCountryCode)
        applyAccountContactsRules(to: &form)
        guard form.lists != .notNeeded else {
            contactForm = form
            return []
        }
        // The lists as last read serve at once; they are read again in case they changed.
        if let lists = contactFormLists[account.name] { form.apply(lists) }
        contactForm = form
        return [.change(.fetchFormLists(account: account.name))]
    }

    /// `d`: asks before removing the contact, naming it and the campaign.
    mutating func askToRemoveContact() -> [Effect] {
        guard let account else { return [] }
        let action: ChangeAction
        if account.capabilities.contains(.deleteContact) {
            action = .delete
        } else if account.capabilities.contains(.remove) {
            action = .remove
        } else {
            status = StatusMessage(text: "\(account.vendorName) has no route that removes a contact", isError: true)
            return []
        }
        guard let target = targetContact else {
            status = StatusMessage(text: "no contact selected", isError: true)
            return []
        }
        removal = ContactRemoval(
            account: account.name, campaignID: target.campaignID, campaignName: campaignName(target.campaignID),
            contact: target.contact, action: action, inCampaign: !isAccountContacts(target.campaignID))
        return []
    }

    /// A key while a yes-or-no question is open: the removal, or dropping typed changes.
    mutating func answer(_ key: Key) -> [Effect] {
        let action = KeyRegistry.bindings.first { $0.context == .confirm && $0.keys.contains(key) }?.action
        if contactForm != nil {
            if action == .confirm { contactForm = nil }
            if action == .cancel { contactForm?.stage = .editing }
            return []
        }
        guard let removal else { return [] }
        switch action {
        case .confirm:
            self.removal = nil
            var change = Change(
                account: removal.account, campaignID: removal.campaignID, action: removal.action,
                contacts: [removal.contact], idempotencyKey: "")
            change.idempotencyKey = Self.idempotencyKey(change, at: now)
            let name = Self.name(of: removal.contact)
            status = StatusMessage(text: "removing \(name) from \(removal.campaignName)…", isError: false)
            return [.change(.submit(change, summary: "removed \(name)"))]
        case .cancel:
            self.removal = nil
            return []
        default:
            return []
        }
    }

    /// A key while the form is open: its own bindings first, every other key types.
    mutating func formKey(_ key: Key) -> [Effect] {
        guard var form = contactForm else { return [] }
        if form.stage == .confirmingDiscard { return answer(key) }
        let action = KeyRegistry.bindings.first { $0.context == .contactForm && $0.keys.contains(key) }?.action
        if form.stage == .sending { return [] }
        if form.stage == .preview {
            switch action {
            case .review: return send()
            case .back: form.stage = .editing
            case .down: form.scroll += 1
            case .up: form.scroll = max(0, form.scroll - 1)
            default: break
            }
            contactForm = form
            return []
        }
        var effects: [Effect] = []
        switch action {
        case .back:
            if form.isChanged {
                form.stage = .confirmingDiscard
            } else {
                contactForm = nil
                return []
            }
        case .review:
            effects = review(&form)
        case .down: form.focus = (form.focus + 1) % form.fields.count
        case .up: form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .complete:
            if !form.complete() { form.focus = (form.focus + 1) % form.fields.count }
        default:
            var field = form.inputs[form.focus]
            switch key {
            case .character(let character): field.insert(character)
            case .backspace: field.backspace()
            case .delete:
                guard field.cursor < field.text.count else { return [] }
                field.moveCursor(by: 1)
                field.backspace()
            case .left: field.moveCursor(by: -1)
            case .right: field.moveCursor(by: 1)
            case .home: field.moveToStart()
            case .end: field.moveToEnd()
            default: return []
            }
            form.inputs[form.focus] = field
        }
        if action != .complete {
            form.completions = []
            form.cycle = nil
        }
        contactForm = form
        return effects
    }

    /// Enter on the form: the first problem on the status line, else the preview.
    private mutating func review(_ form: inout ContactForm) -> [Effect] {
        if let problem = form.problems.first {
            let count = form.problems.count
            status = StatusMessage(
                text: "cannot send yet: \(problem)" + (count > 1 ? " (and \(count - 1) more)" : ""), isError: true)
            if let index = form.fields.indices.first(where: { form.problem(at: $0) != nil }) { form.focus = index }
            return []
        }
        if !form.isNew && form.differences.isEmpty {
            status = StatusMessage(text: "nothing changed; Esc closes the form", isError: false)
            return []
        }
        form.stage = .preview
        form.requests = nil
        form.vendorProblem = nil
        form.scroll = 0
        status = nil
        let change = form.change(idempotencyKey: "")
        let request = UpsertRequest(
            campaignID: change.campaignID, action: .upsert, partial: change.partial, contacts: change.contacts)
        return [.change(.preview(account: form.account, request))]
    }

    /// Enter on the preview: hands the change to the journal and the sync engine.
    private mutating func send() -> [Effect] {
        guard var form = contactForm else { return [] }
        guard form.requests != nil else {
            status = StatusMessage(text: "the request is still being prepared", isError: false)
            return []
        }
        if let problem = form.vendorProblem {
            status = StatusMessage(text: "cannot send: \(problem)", isError: true)
            return []
        }
        form.stage = .sending
        contactForm = form
        let name = Self.name(of: form.contact)
        status = StatusMessage(text: "sending \(name) through the journal…", isError: false)
        let summary = form.isNew ? "added \(name)" : "saved \(name)"
        var change = form.change(idempotencyKey: "")
        change.idempotencyKey = Self.idempotencyKey(change, at: now)
        return [.change(.submit(change, summary: summary))]
    }

    /// The change's idempotency key: the same change confirmed twice within one tick of
    /// the clock is journaled once.
    static func idempotencyKey(_ change: Change, at now: Date) -> String {
        let contacts = change.contacts.map(\.id).joined(separator: ",")
        return "console-\(Int64(now.timeIntervalSince1970 * 1000))-\(change.action.rawValue)-\(change.campaignID)-\(contacts)"
    }
}
