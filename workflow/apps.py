from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = "Workflow"

    def ready(self) -> None:
        from reviewflow import engine

        from .engine import ViewflowEngine

        engine.register(ViewflowEngine())
