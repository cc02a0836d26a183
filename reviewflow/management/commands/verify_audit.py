"""manage.py verify_audit: walk the audit chain, name the first broken or missing row, exit 1 when there is one."""

from django.core.management.base import BaseCommand, CommandError

from reviewflow.verification import verify_audit


class Command(BaseCommand):
    help = "Verify the audit chain: every event present, unaltered and linked to the one before it."

    def handle(self, *args, **options):
        result = verify_audit()
        seconds = (result.finished_at - result.started_at).total_seconds() if result.finished_at else 0.0
        if not result.ok:
            raise CommandError(f"audit chain broken after {result.events} good events: {result.fault}")
        self.stdout.write(f"audit chain intact: {result.events} events verified in {seconds:.1f} s")
