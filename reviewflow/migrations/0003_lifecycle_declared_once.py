"""The lifecycle declared once: the chain becomes Assignment rows, the open level and its holder live on the draft,
and the per-level statuses (awaiting_section_head, awaiting_deputy, awaiting_head) become `signing` plus `step`."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

CHAIN_FIELDS = ("section_head", "deputy", "head")
OLD_STATUS = {"awaiting_section_head": "section_head", "awaiting_deputy": "deputy", "awaiting_head": "head"}
EDITABLE = ("draft", "needs_revision", "returned")
STEPS = [('drafter', 'Drafter'), ('section_head', 'Section head'), ('deputy', 'Deputy leader in charge'), ('head', 'Principal leader')]
EVENTS = [
    ("draft.created", "Draft created"),
    ("draft.edited", "Edited (new version)"),
    ("finding.applied", "Suggestion applied (new version)"),
    ("signatures.voided", "Signatures voided"),
    ("draft.submitted", "Submitted for review"),
    ("check.completed", "Typo check completed"),
    ("check.needs_revision", "Check found problems"),
    ("check.failed", "Check failed"),
    ("finding.dismissed", "Finding dismissed"),
    ("review.signed", "Signed"),
    ("review.returned", "Returned"),
    ("check.final_requested", "Final check of key manuscript requested"),
    ("check.final_passed", "Final check passed"),
    ("draft.published", "Published"),
    ("draft.withdrawn", "Withdrawn"),
]
STATUSES = [
    ("draft", "Draft"),
    ("checking", "Checking"),
    ("needs_revision", "Needs revision"),
    ("signing", "Awaiting signature"),
    ("published", "Published"),
    ("returned", "Returned"),
    ("withdrawn", "Withdrawn"),
]


def chain_to_assignments(apps, schema_editor):
    Draft = apps.get_model("reviewflow", "Draft")
    Assignment = apps.get_model("reviewflow", "Assignment")
    CheckRun = apps.get_model("reviewflow", "CheckRun")
    for draft in Draft.objects.all().iterator():
        chain = {"drafter": draft.drafter_id}
        chain.update({step: getattr(draft, f"{step}_id") for step in CHAIN_FIELDS})
        if draft.section_head_id is not None:  # submitted at least once: its chain was fixed
            Assignment.objects.bulk_create(
                Assignment(draft_id=draft.pk, step=step, user_id=user_id) for step, user_id in chain.items() if user_id
            )
        status, step, holder = draft.status, "", None
        if status in OLD_STATUS:
            step = OLD_STATUS[status]
            status, holder = "signing", chain[step]
        elif status == "checking" and draft.pending_check_id:
            step = "head" if CheckRun.objects.filter(pk=draft.pending_check_id, purpose="final").exists() else ""
        elif status in EDITABLE:
            holder = draft.drafter_id
        Draft.objects.filter(pk=draft.pk).update(status=status, step=step, holder_id=holder)


def assignments_to_chain(apps, schema_editor):
    Draft = apps.get_model("reviewflow", "Draft")
    Assignment = apps.get_model("reviewflow", "Assignment")
    for draft in Draft.objects.all().iterator():
        chain = dict(Assignment.objects.filter(draft_id=draft.pk).values_list("step", "user_id"))
        fields = {f"{step}_id": chain.get(step) for step in CHAIN_FIELDS}
        if draft.status == "signing":
            fields["status"] = f"awaiting_{draft.step}"
        Draft.objects.filter(pk=draft.pk).update(**fields)


class Migration(migrations.Migration):
    dependencies = [
        ("reviewflow", "0002_seen_version"),
    ]

    operations = [
        migrations.CreateModel(
            name="Assignment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("step", models.CharField(choices=STEPS, max_length=16)),
                (
                    "draft",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="assignments", to="reviewflow.draft"
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assignments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["user", "draft"], name="reviewflow__user_id_722344_idx")],
                "constraints": [models.UniqueConstraint(fields=("draft", "step"), name="one_assignee_per_step")],
            },
        ),
        migrations.AddField(
            model_name="draft",
            name="holder",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="holder",
            ),
        ),
        migrations.AddField(
            model_name="draft",
            name="step",
            field=models.CharField(blank=True, choices=STEPS, max_length=16, verbose_name="open step"),
        ),
        migrations.AlterField(
            model_name="draft",
            name="status",
            field=models.CharField(choices=STATUSES, default="draft", max_length=32, verbose_name="status"),
        ),
        migrations.RunPython(chain_to_assignments, assignments_to_chain),
        migrations.RemoveField(model_name="draft", name="deputy"),
        migrations.RemoveField(model_name="draft", name="head"),
        migrations.RemoveField(model_name="draft", name="section_head"),
        migrations.AlterField(
            model_name="auditevent",
            name="event",
            field=models.CharField(choices=EVENTS, db_index=True, max_length=64),
        ),
        migrations.AddField(
            model_name="checkrun",
            name="deliveries",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="notification",
            name="emailed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="checkrun",
            name="omitted",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddIndex(
            model_name="draft",
            index=models.Index(fields=["holder", "status", "status_changed_at"], name="reviewflow__holder__b8faa5_idx"),
        ),
    ]
