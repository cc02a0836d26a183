"""Viewflow's process for one review round; its artifact is the draft under review."""

from functools import cached_property

from viewflow.workflow.models import Process

from reviewflow.models import Draft


class ReviewProcess(Process):
    """One submission round: typo check, then the signing chain, ending in publication or not."""

    class Meta:
        proxy = True

    @cached_property
    def draft(self) -> Draft:
        # The gates of one advance share this process object; the draft is read once, after the service saved it.
        return Draft.objects.get(pk=self.artifact_object_id)
