"""The viewflow side of the review engine port: start a round, complete the open task, dispatch checks."""

from __future__ import annotations

from django.db import transaction
from viewflow.workflow.models import Task
from viewflow.workflow.status import PROCESS, STATUS

from reviewflow.models import CheckRun, Draft

from .models import ReviewProcess

ACTIVE = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


def open_process(draft: Draft) -> ReviewProcess | None:
    """The draft's review round that has not finished, if any (every PublicationReview artifact is a draft)."""
    from .flows import PublicationReview

    return (
        ReviewProcess.objects.filter(flow_class=PublicationReview, artifact_object_id=draft.pk, status=PROCESS.NEW)
        .order_by("-pk")
        .first()
    )


def open_task(draft: Draft) -> Task | None:
    process = open_process(draft)
    if process is None:
        return None
    return Task.objects.filter(process=process, status__in=ACTIVE).order_by("pk").first()


def dispatch_check(check_run: CheckRun) -> None:
    """Queue the check once the transaction that asked for it has committed."""
    from .tasks import run_check

    run_id = check_run.pk
    transaction.on_commit(lambda: run_check.delay(run_id))


class ViewflowEngine:
    """Moves PublicationReview processes in step with the draft's state."""

    def start(self, draft: Draft, check_run: CheckRun) -> None:
        from .flows import PublicationReview

        stale = open_process(draft)
        if stale is not None:
            raise RuntimeError(f"draft {draft.pk} already has an open review round {stale.pk}")
        PublicationReview.start.run(draft=draft)
        dispatch_check(check_run)

    def advance(self, draft: Draft) -> None:
        from .flows import CHECK_NODES

        task = open_task(draft)
        if task is None:
            raise RuntimeError(f"draft {draft.pk} has no open review task")
        if task.flow_task in CHECK_NODES:
            task.flow_task.run(task)
        else:
            with task.activation() as activation:
                activation.start(request=None)
                activation.execute()
        following = open_task(draft)
        if following is not None and following.flow_task in CHECK_NODES:
            dispatch_check(draft.pending_check)
