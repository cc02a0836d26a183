"""The task URL of a signing step: it opens only the task of the process it names, for its owner."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from viewflow.workflow.models import Task


@login_required
def review_task_view(request, process_pk: int, task_pk: int, **_kwargs):
    """A task id from another process, or a task that is not the user's, is not found."""
    task = Task.objects.filter(pk=task_pk, process_id=process_pk, owner=request.user).first()
    if task is None:
        raise Http404("no such task")
    return redirect("draft-detail", draft_id=task.process.artifact_object_id)
