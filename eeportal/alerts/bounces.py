"""Permanent bounces: delivery status notifications (RFC 3464) read from a mailbox.

The site sends through any SMTP relay, so bounces come back as mail to the sender address:
point its mailbox (a Maildir or mbox the relay or the mail host writes) at
`manage.py process_bounces`. A report whose recipient failed for good (Action: failed,
Status 5.x.x) drops the address; a delay or a temporary failure (4.x.x) drops nothing.
The standard library reads both formats, so no provider's webhook or library is needed.
"""

import mailbox
from email.message import Message

from eeportal.alerts.models import Subscriber


def permanent_failures(message: Message):
    """Addresses a DSN says failed for good; none for any other message."""
    if message.get_content_type() != "multipart/report":
        return []
    failed = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        # Its payload is a list of header blocks: the message's, then one per recipient.
        for block in part.get_payload()[1:]:
            action = (block.get("Action") or "").strip().lower()
            status = (block.get("Status") or "").strip()
            recipient = block.get("Final-Recipient") or block.get("Original-Recipient") or ""
            address = recipient.split(";", 1)[-1].strip()
            if action == "failed" and status.startswith("5") and address:
                failed.append(address)
    return failed


def open_mailbox(path):
    """A Maildir (a folder with cur/ and new/) or an mbox file."""
    if (path / "cur").is_dir() or (path / "new").is_dir():
        return mailbox.Maildir(path, create=False)
    return mailbox.mbox(path, create=False)


def process(path, remove=True):
    """Drop every address the mailbox reports as failed for good; (reports read, dropped).
    Read reports are removed from the mailbox, so a run reads each once."""
    box = open_mailbox(path)
    reports = dropped = 0
    box.lock()
    try:
        for key, message in list(box.items()):
            addresses = permanent_failures(message)
            if addresses:
                reports += 1
                for address in addresses:
                    dropped += (
                        Subscriber.objects.with_email(address)
                        .delete()[1]
                        .get("alerts.Subscriber", 0)
                    )
            if remove and message.get_content_type() == "multipart/report":
                box.remove(key)
        box.flush()
    finally:
        box.unlock()
        box.close()
    return reports, dropped
