from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    """The background side of the review: the Celery tasks and the lifecycle chart."""

    name = "workflow"
    verbose_name = "Workflow"
