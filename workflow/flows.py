"""The publication review as a viewflow process: the nodes route, the services decide."""

from __future__ import annotations

from viewflow import this
from viewflow.workflow import flow, lock
from viewflow.workflow.activation import Activation

from reviewflow import services
from reviewflow.models import Draft, Status, Step
from reviewflow.views.review import review_task_view

from .models import ReviewProcess


def _draft(activation: Activation) -> Draft:
    return activation.process.draft


def _signer(step: str):
    """The step's signer, as fixed in the draft's chain at submission."""
    return lambda activation: _draft(activation).assignee(step)


class PublicationReview(flow.Flow):
    """Typo check first, then four signatures level by level; only fully signed text is published."""

    process_class = ReviewProcess
    # The services lock the draft row first; this serialises the viewflow rows behind it.
    lock_impl = lock.SelectForUpdateLock(nowait=False, attempts=1)

    start = flow.StartHandle(this.open_round).Next(this.check_text)
    check_text = flow.Handle().Next(this.after_check)
    after_check = flow.If(this.ready_for_signers).Then(this.section_head).Else(this.revise)

    section_head = flow.View(review_task_view).Assign(_signer(Step.SECTION_HEAD)).Next(this.after_section_head)
    after_section_head = flow.If(this.not_returned).Then(this.deputy).Else(this.returned)

    deputy = flow.View(review_task_view).Assign(_signer(Step.DEPUTY)).Next(this.after_deputy)
    after_deputy = flow.If(this.not_returned).Then(this.key_gate).Else(this.returned)
    key_gate = flow.If(this.needs_final_check).Then(this.final_check).Else(this.head)
    final_check = flow.Handle().Next(this.after_final_check)
    after_final_check = flow.If(this.ready_for_head).Then(this.head).Else(this.revise)

    head = flow.View(review_task_view).Assign(_signer(Step.HEAD)).Next(this.after_head)
    after_head = flow.If(this.not_returned).Then(this.publish).Else(this.returned)
    publish = flow.Function(this.publish_draft).Next(this.published)

    published = flow.End()
    returned = flow.End()
    revise = flow.End()

    def has_view_permission(self, user, obj=None) -> bool:
        """Every member of staff may list the flow; each task is still shown only to its owner."""
        return user.is_authenticated

    def open_round(self, activation: Activation, draft: Draft) -> ReviewProcess:
        activation.process.artifact = draft
        return activation.process

    def ready_for_signers(self, activation: Activation) -> bool:
        return _draft(activation).status == Status.AWAITING_SECTION_HEAD

    def not_returned(self, activation: Activation) -> bool:
        return _draft(activation).status != Status.RETURNED

    def needs_final_check(self, activation: Activation) -> bool:
        return _draft(activation).status == Status.CHECKING

    def ready_for_head(self, activation: Activation) -> bool:
        return _draft(activation).status == Status.AWAITING_HEAD

    def publish_draft(self, activation: Activation) -> None:
        services.publish(draft_id=activation.process.artifact_object_id)


CHECK_NODES = (PublicationReview.check_text, PublicationReview.final_check)
