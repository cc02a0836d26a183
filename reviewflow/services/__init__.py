"""State changes: each service guards the state, changes it and records the audit event atomically."""

from .checking import claim_check, mark_check_failed, record_check_result
from .deadlines import sweep_deadlines
from .drafts import create_draft, edit_draft
from .findings import apply_suggestions, confirm_dismissal, dismiss_finding, reject_dismissal
from .notifications import email_pending_notifications
from .organisation import signing_chain
from .review import open_correction, publish_due, return_draft, schedule, sign, submit, unschedule, withdraw

__all__ = [
    "apply_suggestions",
    "claim_check",
    "confirm_dismissal",
    "create_draft",
    "dismiss_finding",
    "edit_draft",
    "email_pending_notifications",
    "mark_check_failed",
    "open_correction",
    "publish_due",
    "record_check_result",
    "reject_dismissal",
    "return_draft",
    "schedule",
    "sign",
    "signing_chain",
    "submit",
    "sweep_deadlines",
    "unschedule",
    "withdraw",
]
