"""Viewflow's process for one review round; its artifact is the draft under review."""
from viewflow.workflow.models import Process

from reviewflow.models import Draft


class ReviewProcess(Process):
    """One submission round: typo check, then the signing chain, ending in publication or not."""

    class Meta:
        proxy = True

    @property
    def draft(self) -> Draft:
        return Draft.objects.get(pk=self.artifact_object_id)
