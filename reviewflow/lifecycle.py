"""The route of a draft, declared once: its states, the signing chain and every transition between them.

    draft ──submit──▶ checking ──passes──▶ signing: section head ──sign──▶ deputy ──sign──┐
      ▲                  │ findings or failure                                            │ key manuscript:
      │ edit             ▼                                                                ▼ checking (final text)
    needs_revision, returned ◀── return (any signing level) ───────────────────────────── │ passes
                                                                                          ▼
                        published ◀──sign── signing: principal leader (a time still ahead: scheduled, then published)
                        published ──withdraw──▶ withdrawn
                        published ──open a correction──▶ draft (the published text stays public meanwhile)

The chain is `CHAIN`: one `Level` per signer, in order. To add a fifth signer, add a `Step` value and one `Level`
line (who holds it for a draft, what to say when nobody does); the states, the inbox, the publication check and the
chart follow from it. The transitions below only move the state; the services in `reviewflow/services/` lock the draft,
check permissions (`reviewflow/policy.py`), call one transition, and record the audit event in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from viewflow import fsm

if TYPE_CHECKING:
    from .models import Draft, User


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CHECKING = "checking", _("Checking")
    NEEDS_REVISION = "needs_revision", _("Needs revision")
    SIGNING = "signing", _("Awaiting signature")
    SCHEDULED = "scheduled", _("Signed, publishing at its time")
    PUBLISHED = "published", _("Published")
    RETURNED = "returned", _("Returned")
    WITHDRAWN = "withdrawn", _("Withdrawn")


EDITABLE = (Status.DRAFT, Status.NEEDS_REVISION, Status.RETURNED)


class Step(models.TextChoices):
    """The four signatures of 四(三), level by level."""

    DRAFTER = "drafter", _("Drafter")
    SECTION_HEAD = "section_head", _("Section head")
    DEPUTY = "deputy", _("Deputy leader in charge")
    HEAD = "head", _("Principal leader")


@dataclass(frozen=True)
class Level:
    """One signer of the chain: who holds the level (a path from the draft), and what is wrong when nobody does."""

    step: Step
    holder_path: str
    vacant: Promise
    final_check_first: bool = False  # key manuscripts: the final text is checked again before this level signs
    when_drafter: str = ""  # who holds the level instead when its holder wrote the draft

    def holder(self, draft: Draft) -> User | None:
        """The person who holds this level for the draft, taken from the draft's own section."""
        person: User | None = attrgetter(self.holder_path)(draft)
        if self.when_drafter and person is not None and person.pk == draft.drafter_id:
            person = attrgetter(self.when_drafter)(draft)
        return person


CHAIN: tuple[Level, ...] = (
    # The drafter signs by passing the typo check ("check first, publish after").
    Level(Step.DRAFTER, "drafter", _("the draft has no drafter")),
    Level(
        Step.SECTION_HEAD,
        "section.head",
        _("section “%(section)s” has no section head (or, for the head's own draft, no stand-in head)"),
        when_drafter="section.stand_in_head",
    ),
    Level(Step.DEPUTY, "section.deputy", _("section “%(section)s” has no deputy leader in charge")),
    Level(Step.HEAD, "section.unit.head", _("unit “%(unit)s” has no principal leader"), final_check_first=True),
)
SIGNING_ORDER: tuple[Step, ...] = tuple(level.step for level in CHAIN)
LEVEL = {level.step: level for level in CHAIN}


def next_level(step: str) -> Level | None:
    """The level after `step`, or None after the last."""
    index = SIGNING_ORDER.index(Step(step)) + 1
    return CHAIN[index] if index < len(CHAIN) else None


# The fields a transition changes: a service whose change is only a transition saves just these.
ROUTE_FIELDS = ("status", "status_changed_at", "step", "holder", "step_due_at")


class DraftLifecycle:
    """The draft's state machine (viewflow.fsm); each transition moves `Draft.status`, its open step and holder."""

    status = fsm.State(Status, default=Status.DRAFT)

    def __init__(self, draft: Draft, chain: dict[str, int] | None = None) -> None:
        self.draft = draft
        # A locked draft carries its chain (services.locking.lock_draft); otherwise it is read when needed.
        self._chain = chain if chain is not None else draft.locked_chain

    @status.getter()
    def _get_status(self) -> str:
        return self.draft.status

    @status.setter()
    def _set_status(self, value: str) -> None:
        self.draft.status = value
        self.draft.status_changed_at = timezone.now()

    @property
    def chain(self) -> dict[str, int]:
        """The chain fixed at submission: step → user id."""
        if self._chain is None:
            self._chain = dict(self.draft.assignments.values_list("step", "user_id"))
        return self._chain

    def _open(self, level: Level) -> None:
        """The level opens for its holder, due after its time limit in working days."""
        from .deadlines import step_due

        self.draft.step = level.step
        self.draft.holder_id = self.chain[level.step]
        self.draft.step_due_at = step_due(self.draft, level.step, timezone.now())

    def _to_drafter(self) -> None:
        self.draft.step = ""
        self.draft.holder_id = self.draft.drafter_id
        self.draft.step_due_at = None

    def _close(self) -> None:
        self.draft.step = ""
        self.draft.holder_id = None
        self.draft.step_due_at = None

    # The drafter's side.

    @status.transition(source=EDITABLE, target=Status.DRAFT, label=_("edit"))
    def revise(self) -> None:
        """A new version: the draft is a draft again, held by its drafter."""
        self._to_drafter()

    @status.transition(source=EDITABLE, target=Status.CHECKING, label=_("submit"))
    def submit(self, chain: dict[str, int]) -> None:
        """The chain is fixed; the typo check runs before anyone signs."""
        self._chain = self.draft.locked_chain = chain
        self._close()

    # The typo check.

    @status.transition(
        source=Status.CHECKING,
        target=fsm.State.GET_STATE(
            lambda self, passed: Status.SIGNING if passed else Status.NEEDS_REVISION,
            states=[Status.SIGNING, Status.NEEDS_REVISION],
        ),
        label=_("check finished"),
    )
    def finish_check(self, passed: bool) -> None:
        """A clean check opens the next level (the submission check is the drafter's signature); else back."""
        if not passed:
            self._to_drafter()
        elif self.draft.step:  # the final check of a key manuscript, before the level that asked for it
            self._open(LEVEL[Step(self.draft.step)])
        else:
            self._open(CHAIN[1])

    # The signers' side.

    @status.transition(
        source=Status.SIGNING,
        target=fsm.State.GET_STATE(
            lambda self: self.after_signature(),
            states=[Status.SIGNING, Status.CHECKING, Status.SCHEDULED, Status.PUBLISHED],
        ),
        label=_("sign"),
    )
    def sign(self) -> None:
        """The open level signed: the next level opens, a key manuscript is re-checked first, or it is published."""
        following = next_level(self.draft.step)
        if following is None:
            self._close()
        elif self.draft.status == Status.CHECKING:
            self.draft.step, self.draft.holder_id, self.draft.step_due_at = following.step, None, None
        else:
            self._open(following)

    def after_signature(self) -> Status:
        following = next_level(self.draft.step)
        if following is None:
            publish_at = self.draft.publish_at
            return Status.SCHEDULED if publish_at and publish_at > timezone.now() else Status.PUBLISHED
        if following.final_check_first and self.draft.key:
            return Status.CHECKING
        return Status.SIGNING

    @status.transition(source=[Status.SIGNING, Status.SCHEDULED], target=Status.RETURNED, label=_("return"))
    def return_to_drafter(self) -> None:
        """A signer returns the open level; before a scheduled time, the principal leader takes it back."""
        self._to_drafter()

    @status.transition(source=Status.SCHEDULED, target=Status.PUBLISHED, label=_("publication time reached"))
    def publish_at_time(self) -> None:
        """A fully signed item waits for its publication time, then publishes through the same verification."""

    @status.transition(source=Status.PUBLISHED, target=Status.DRAFT, label=_("open a correction"))
    def open_correction(self) -> None:
        """更正: the published text stays public while its correction goes through the same check and chain."""
        self._to_drafter()

    @status.transition(source=Status.PUBLISHED, target=Status.WITHDRAWN, label=_("withdraw"))
    def withdraw(self) -> None:
        self._close()


def chart() -> str:
    """The state machine as Graphviz DOT, drawn by viewflow from the declared transitions."""
    return str(fsm.chart(DraftLifecycle.status))
